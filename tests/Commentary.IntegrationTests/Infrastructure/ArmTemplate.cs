using System.Text.RegularExpressions;

namespace Commentary.IntegrationTests.Infrastructure;

/// <summary>
/// A compiled ARM template with its nested module deployments, read the way a test needs it: every resource with the
/// template that declares it, and the values of plain <c>variables('x')</c> and <c>parameters('x')</c> references
/// followed through module parameters, and <c>if(ref, 'a', 'b')</c> on such a reference. Any other expression stays
/// unresolved (null): tests only rely on literals. Given the top-level parameter values of a deployment, resources
/// (and modules) whose <c>condition</c> resolves to false are left out, as ARM would leave them out.
/// </summary>
public sealed partial class ArmTemplate
{
    private readonly JsonObject _template;
    private readonly JsonObject? _parameterValues;
    private readonly ArmTemplate? _parent;

    public ArmTemplate(JsonObject template)
        : this(template, null, null)
    {
    }

    /// <summary>A template as deployed with these parameter values (the <c>parameters</c> object of a parameters file).</summary>
    public ArmTemplate(JsonObject template, JsonObject parameterValues)
        : this(template, parameterValues, null)
    {
    }

    private ArmTemplate(JsonObject template, JsonObject? parameterValues, ArmTemplate? parent)
    {
        _template = template;
        _parameterValues = parameterValues;
        _parent = parent;
    }

    public JsonObject Json => _template;

    /// <summary>Every resource here and in nested deployments, each with the template that declares it.</summary>
    public IEnumerable<(ArmTemplate Template, JsonObject Resource)> Resources()
    {
        var resources = _template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject symbolic => symbolic.Select(p => p.Value).OfType<JsonObject>(),
            _ => [],
        };
        foreach (var resource in resources)
        {
            if (resource["condition"] is { } condition && Resolve(condition) is JsonValue deployed
                && deployed.TryGetValue<bool>(out var isDeployed) && !isDeployed)
            {
                continue;
            }

            yield return (this, resource);
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                var child = new ArmTemplate(nested, resource["properties"]?["parameters"] as JsonObject, this);
                foreach (var inner in child.Resources())
                {
                    yield return inner;
                }
            }
        }
    }

    public IEnumerable<(ArmTemplate Template, JsonObject Resource)> ResourcesOfType(string type) =>
        Resources().Where(r => string.Equals(r.Resource["type"]?.GetValue<string>(), type, StringComparison.OrdinalIgnoreCase));

    /// <summary>A value with variable and parameter references replaced by what they hold; null where that is an expression.</summary>
    public JsonNode? Resolve(JsonNode? node)
    {
        switch (node)
        {
            case JsonValue value when value.TryGetValue<string>(out var text):
                if (text.StartsWith("[[", StringComparison.Ordinal))
                {
                    return JsonValue.Create(text[1..]);
                }

                if (!text.StartsWith('[') || !text.EndsWith(']'))
                {
                    return JsonValue.Create(text);
                }

                var reference = Reference().Match(text);
                if (reference.Success)
                {
                    return Lookup(reference.Groups["kind"].Value, reference.Groups["name"].Value);
                }

                var choice = Choice().Match(text);
                if (choice.Success && Lookup(choice.Groups["kind"].Value, choice.Groups["name"].Value) is JsonValue test
                    && test.TryGetValue<bool>(out var condition))
                {
                    return JsonValue.Create(condition ? choice.Groups["then"].Value : choice.Groups["else"].Value);
                }

                return null;
            case JsonArray array:
                return new JsonArray(array.Select(Resolve).ToArray());
            case JsonObject obj:
                return new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Resolve(p.Value))));
            default:
                return node?.DeepClone();
        }
    }

    /// <summary>A resolved string, or null when it is an expression this reader does not evaluate.</summary>
    public string? ResolveString(JsonNode? node) =>
        Resolve(node) is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>The names a copy loop creates, when its name indexes a variable or parameter array with copyIndex().</summary>
    public IReadOnlyList<string?> LoopNames(JsonObject resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var name = resource["name"]?.GetValue<string>() ?? string.Empty;
        var loop = LoopSource().Match(name);
        if (!loop.Success || Lookup(loop.Groups["kind"].Value, loop.Groups["name"].Value) is not JsonArray items)
        {
            return [];
        }

        return items.Select(i => i is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).ToArray();
    }

    /// <summary>The items a copy loop iterates over, when its count is the length of a variable or parameter array.</summary>
    public JsonArray? LoopItems(JsonObject resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var count = resource["copy"]?["count"]?.GetValue<string>() ?? string.Empty;
        var loop = LoopLength().Match(count);
        return loop.Success ? Lookup(loop.Groups["kind"].Value, loop.Groups["name"].Value) as JsonArray : null;
    }

    private JsonNode? Lookup(string kind, string name)
    {
        if (kind == "variables")
        {
            return Resolve(_template["variables"]?[name]);
        }

        // The value a parent deployment (or a parameters file) passes; an expression there is read in the parent.
        if (_parameterValues?[name] is JsonObject given && given.ContainsKey("value"))
        {
            return _parent is null ? given["value"]?.DeepClone() : _parent.Resolve(given["value"]);
        }

        return Resolve(_template["parameters"]?[name]?["defaultValue"]);
    }

    [GeneratedRegex(@"\A\[(?<kind>variables|parameters)\('(?<name>[^']+)'\)\]\z")]
    private static partial Regex Reference();

    [GeneratedRegex(@"\A\[if\((?<kind>variables|parameters)\('(?<name>[^']+)'\), '(?<then>[^']*)', '(?<else>[^']*)'\)\]\z")]
    private static partial Regex Choice();

    [GeneratedRegex(@"(?<kind>variables|parameters)\('(?<name>[^']+)'\)\[copyIndex\(\)\]")]
    private static partial Regex LoopSource();

    [GeneratedRegex(@"\A\[length\((?<kind>variables|parameters)\('(?<name>[^']+)'\)\)\]\z")]
    private static partial Regex LoopLength();
}
