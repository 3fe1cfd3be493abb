using Commentary.Core.Maintenance;

namespace Commentary.Tests.Maintenance;

/// <summary>The sweep never deletes a row a rule may still look back to.</summary>
public sealed class SignalRetentionTests
{
    [Fact]
    public void The_duplicate_day_sets_the_floor()
    {
        Assert.Equal(TimeSpan.FromHours(25), StaleRowSweeper.SignalRetention(TimeSpan.FromMinutes(60)));
    }

    [Fact]
    public void A_longer_flood_window_keeps_rows_for_as_long()
    {
        Assert.Equal(TimeSpan.FromDays(7) + TimeSpan.FromHours(1), StaleRowSweeper.SignalRetention(TimeSpan.FromDays(7)));
    }
}
