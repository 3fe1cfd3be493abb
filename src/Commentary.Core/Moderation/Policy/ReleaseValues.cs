using System.Text.Json.Nodes;

namespace Commentary.Core.Moderation.Policy;

/// <summary>
/// Keeps the settings a site never changed in step with the release: every single value (a switch, a threshold, a
/// text; not a list, which <see cref="WordLists"/> looks after) that the saved settings still hold at the shipped value
/// they were saved against takes the value a later release ships. A value the site changed stays as the site set it.
/// This matters most for the classifier's thresholds, which are chosen for one shipped model: a site that saved its
/// settings once, to switch off one rule, would otherwise keep the thresholds of a model long replaced.
/// </summary>
public static class ReleaseValues
{
    private static readonly Lazy<JsonObject> ShippedSnapshot = new(() => Snapshot(JsonNode.Parse(ModerationSettings.Defaults.ToJson())!.AsObject()));

    /// <summary>This release's values (<see cref="Snapshot"/> of the shipped settings), read once; not to be changed.</summary>
    public static JsonObject Shipped => ShippedSnapshot.Value;

    /// <summary>Every single value of the settings document, by dotted JSON path ("links.rejectAt").</summary>
    public static JsonObject Snapshot(JsonObject settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var values = new JsonObject();
        Collect(settings, string.Empty, values);
        return values;
    }

    /// <summary>
    /// Sets in <paramref name="saved"/> the shipped value of every path whose saved value is still the one it was saved
    /// against (<paramref name="savedAgainst"/>) and which the release (<paramref name="shipped"/>) has changed since;
    /// both are <see cref="Snapshot"/>s.
    /// </summary>
    /// <returns>How many values were taken up.</returns>
    public static int TakeUpReleaseChanges(JsonObject saved, JsonObject savedAgainst, JsonObject shipped)
    {
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(savedAgainst);
        ArgumentNullException.ThrowIfNull(shipped);
        var taken = 0;
        foreach (var (path, now) in shipped)
        {
            if (savedAgainst[path] is not { } then || JsonNode.DeepEquals(then, now) || Parent(saved, path) is not { } section)
            {
                continue;
            }

            var name = path[(path.LastIndexOf('.') + 1)..];
            if (section[name] is { } value && JsonNode.DeepEquals(value, then))
            {
                section[name] = now?.DeepClone();
                taken++;
            }
        }

        return taken;
    }

    private static void Collect(JsonObject section, string prefix, JsonObject values)
    {
        foreach (var (name, value) in section)
        {
            var path = prefix + name;
            switch (value)
            {
                case JsonObject inner:
                    Collect(inner, path + ".", values);
                    break;
                case JsonValue:
                    values[path] = value.DeepClone();
                    break;
            }
        }
    }

    private static JsonObject? Parent(JsonObject document, string path)
    {
        var names = path.Split('.');
        var section = document;
        foreach (var name in names[..^1])
        {
            if (section[name] is not JsonObject inner)
            {
                return null;
            }

            section = inner;
        }

        return section;
    }
}
