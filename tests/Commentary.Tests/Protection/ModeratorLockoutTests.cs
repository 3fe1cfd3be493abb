using Commentary.Api.Protection;
using Microsoft.Extensions.Time.Testing;

namespace Commentary.Tests.Protection;

public class ModeratorLockoutTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    private static (ModeratorLockout Lockout, FakeTimeProvider Clock) Create()
    {
        var clock = new FakeTimeProvider(Start);
        var options = new LockoutOptions { FreeFailures = 3, FirstLockout = TimeSpan.FromSeconds(2), MaxLockout = TimeSpan.FromSeconds(30), ForgetAfter = TimeSpan.FromHours(1) };
        return (new ModeratorLockout(Options.Create(options), clock), clock);
    }

    [Fact]
    public void A_few_wrong_keys_cost_nothing()
    {
        var (lockout, _) = Create();
        for (var i = 0; i < 3; i++)
        {
            lockout.Failed("203.0.113.5");
        }

        Assert.Null(lockout.WaitFor("203.0.113.5"));
    }

    [Fact]
    public void Each_failure_past_the_free_ones_doubles_the_wait_up_to_the_maximum()
    {
        var (lockout, clock) = Create();
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 10; i++)
        {
            lockout.Failed("203.0.113.5");
            if (lockout.WaitFor("203.0.113.5") is { } wait)
            {
                waits.Add(wait);
                clock.Advance(wait);
            }
        }

        Assert.Equal(
            [2, 4, 8, 16, 30, 30, 30],
            waits.Select(w => (int)w.TotalSeconds));
    }

    [Fact]
    public void A_locked_out_address_does_not_lock_out_anyone_else()
    {
        var (lockout, _) = Create();
        for (var i = 0; i < 6; i++)
        {
            lockout.Failed("203.0.113.5");
        }

        Assert.NotNull(lockout.WaitFor("203.0.113.5"));
        Assert.Null(lockout.WaitFor("198.51.100.7"));
    }

    [Fact]
    public void A_correct_key_after_the_wait_clears_the_record()
    {
        var (lockout, clock) = Create();
        for (var i = 0; i < 4; i++)
        {
            lockout.Failed("203.0.113.5");
        }

        clock.Advance(TimeSpan.FromSeconds(3));
        lockout.Succeeded("203.0.113.5");
        lockout.Failed("203.0.113.5");
        Assert.Null(lockout.WaitFor("203.0.113.5"));
    }

    [Fact]
    public void Failures_are_forgotten_after_a_quiet_hour()
    {
        var (lockout, clock) = Create();
        for (var i = 0; i < 5; i++)
        {
            lockout.Failed("203.0.113.5");
        }

        clock.Advance(TimeSpan.FromHours(2));
        Assert.Null(lockout.WaitFor("203.0.113.5"));
        lockout.Failed("203.0.113.5");
        Assert.Null(lockout.WaitFor("203.0.113.5"));
    }
}
