namespace Commentary.Core.Moderation.Classifier;

/// <summary>How many texts of each class the policy published, held, held as urgent and rejected.</summary>
public sealed class OutcomeTable
{
    public const string Published = "published";
    public const string Held = "held";
    public const string Urgent = "urgent";
    public const string Rejected = "rejected";
    public const string SevereAbuse = "severe abuse";

    private static readonly string[] Outcomes = [Published, Held, Urgent, Rejected];
    private static readonly string[] RowOrder = ["legitimate", "spam", "toxic", SevereAbuse, "crisis", "everyday", "depressed"];
    private readonly Dictionary<string, Dictionary<string, int>> _cells = [];

    public void Add(string row, string outcome)
    {
        if (!_cells.TryGetValue(row, out var cells))
        {
            _cells[row] = cells = [];
        }

        cells[outcome] = cells.GetValueOrDefault(outcome) + 1;
    }

    public int Count(string row, string outcome) => _cells.TryGetValue(row, out var cells) ? cells.GetValueOrDefault(outcome) : 0;

    public int Total(string row) => _cells.TryGetValue(row, out var cells) ? cells.Values.Sum() : 0;

    /// <summary>The share of a row with this outcome (0 when the row is empty).</summary>
    public double Share(string row, params string[] outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var total = Total(row);
        return total == 0 ? 0 : (double)outcomes.Sum(o => Count(row, o)) / total;
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| class | total | published | held | held urgent | rejected |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in RowOrder.Where(_cells.ContainsKey))
        {
            var cells = string.Join(" | ", Outcomes.Select(o => string.Create(CultureInfo.InvariantCulture, $"{Count(row, o)} ({Share(row, o):P1})")));
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row} | {Total(row)} | {cells} |");
        }

        return text.ToString();
    }
}
