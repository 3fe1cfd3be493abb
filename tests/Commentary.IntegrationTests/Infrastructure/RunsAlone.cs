namespace Commentary.IntegrationTests.Infrastructure;

/// <summary>
/// Test classes that keep the machine's cores busy for a while (training a model) and so run after the others, not
/// beside them: on a two-core machine they would slow the tests that wait for a signal past their deadlines.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "runs alone";
}
