namespace Commentary.IntegrationTests;

/// <summary>
/// The flood and duplicate rules count recent rows only as far as their answer can change, so a flood from one
/// address does not make every later check read all of it. Entities in the answers are counted, not timed.
/// </summary>
[Collection(StorageTestGroup.Name)]
public sealed class RecentCountTests(StorageFixture fixture)
{
    private const int Rows = 60;

    [Fact]
    public async Task Counting_up_to_a_limit_reads_about_that_many_rows_however_many_there_are()
    {
        var (table, counter, partition, ids) = await SeedAsync();

        counter.Reset();
        var capped = await TimeOrderedRows.CountSinceAsync(table, partition, DateTimeOffset.UtcNow.AddHours(-1), "none", 11, CancellationToken.None);
        Assert.Equal(11, capped);
        Assert.InRange(counter.EntitiesRead, 11, 12);
        Assert.Single(counter.Requests);

        // The row being checked is not counted, even when it is among the first read.
        var withoutFirst = await TimeOrderedRows.CountSinceAsync(table, partition, DateTimeOffset.UtcNow.AddHours(-1), ids[0], 11, CancellationToken.None);
        Assert.Equal(11, withoutFirst);
    }

    [Fact]
    public async Task Below_the_limit_every_recent_row_but_the_excepted_one_is_counted_and_older_ones_are_not()
    {
        var (table, _, partition, ids) = await SeedAsync();

        Assert.Equal(Rows - 1, await TimeOrderedRows.CountSinceAsync(table, partition, DateTimeOffset.UtcNow.AddHours(-1), ids[^1], 1000, CancellationToken.None));
        // Half the rows are from the last half hour.
        Assert.Equal(Rows / 2, await TimeOrderedRows.CountSinceAsync(table, partition, DateTimeOffset.UtcNow.AddMinutes(-30), "none", 1000, CancellationToken.None));
        Assert.Equal(0, await TimeOrderedRows.CountSinceAsync(table, partition, DateTimeOffset.UtcNow.AddHours(-1), "none", 0, CancellationToken.None));
    }

    /// <summary>
    /// <see cref="Rows"/> rows, one a minute over the last hour, in a partition of their own. Each sits half a minute
    /// inside its minute, so the counts above hold however long seeding takes on a busy machine, up to 30 s.
    /// </summary>
    private async Task<(TableClient Table, StorageRequestCounter Counter, string Partition, string[] Ids)> SeedAsync()
    {
        var counter = new StorageRequestCounter();
        var table = counter.ClientsFor(fixture.Azurite.ConnectionString).RecentSignals;
        var partition = $"ip_count-{Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow;
        var ids = Enumerable.Range(0, Rows).Select(i => CommentId.FromSource(now.AddMinutes(-Rows + i).AddSeconds(30), $"count:{partition}:{i}")).ToArray();
        foreach (var id in ids)
        {
            await table.UpsertEntityAsync(new TableEntity(partition, id), TableUpdateMode.Replace);
        }

        return (table, counter, partition, ids);
    }
}
