using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Commentary.Core.Moderation.Policy;

/// <summary>
/// Everything the moderation policy can be told: which rules run, their thresholds and their word lists. Word lists
/// are data: the defaults ship as an embedded JSON document (<c>DefaultModerationSettings.json</c>), and the live copy
/// is the same JSON, so <see cref="ToJson"/> and <see cref="FromJson"/> round-trip. Check <see cref="Problems"/>
/// before accepting a new document; <see cref="ModerationPolicy"/> refuses settings that have any.
/// </summary>
public sealed class ModerationSettings
{
    private const string DefaultsResource = "Commentary.Core.Moderation.DefaultModerationSettings.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        WriteIndented = true,
        IndentSize = 2,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // A misspelt setting would otherwise be ignored without a word.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
    };

    // Property names match whatever their case, as the serializer's do, so "FirstComment" overlays "firstComment".
    private static readonly JsonNodeOptions NodeReading = new() { PropertyNameCaseInsensitive = true };
    private static readonly JsonDocumentOptions DocumentReading = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly Lazy<string> DefaultsJson = new(ReadDefaults);

    public TermListSettings BlockedTerms { get; set; } = new();
    public TermListSettings SuspectTerms { get; set; } = new();

    /// <summary>
    /// Words that name a group of people (peoples, faiths, sexual orientations, gender identities, disabilities). Naming
    /// one is never a reason on its own; with it the toxic score holds from its lower <c>namedGroupHoldAt</c>.
    /// </summary>
    public TermListSettings GroupTerms { get; set; } = new();
    public LinkSettings Links { get; set; } = new();
    public SpamPhraseSettings SpamPhrases { get; set; } = new();
    public ShoutingSettings Shouting { get; set; } = new();
    public RepeatedCharacterSettings RepeatedCharacters { get; set; } = new();
    public MostlyLinkSettings MostlyLink { get; set; } = new();
    public SuspiciousAuthorSettings SuspiciousAuthor { get; set; } = new();
    public DisposableEmailSettings DisposableEmail { get; set; } = new();
    public RuleSwitch Duplicates { get; set; } = new();
    public FloodSettings Flood { get; set; } = new();
    public RuleSwitch FirstComment { get; set; } = new();
    public RuleSwitch Bans { get; set; } = new();
    public TermListSettings CrisisLanguage { get; set; } = new();
    public PersonalDataSettings PersonalData { get; set; } = new();
    public ClassifierSettings Classifier { get; set; } = new();
    public CrisisResourceSettings CrisisResources { get; set; } = new();

    /// <summary>Whether readers may mark published comments "This helped"; off hides the button and refuses marks.</summary>
    public RuleSwitch HelpfulMarks { get; set; } = new();

    /// <summary>The shipped defaults: a new copy each time, so changing one never changes another.</summary>
    public static ModerationSettings Defaults =>
        JsonSerializer.Deserialize<ModerationSettings>(DefaultsJson.Value, Json) ?? throw new InvalidOperationException("The shipped settings are null.");

    /// <summary>
    /// Reads settings written by <see cref="ToJson"/>, or by hand (comments and trailing commas are allowed). Whatever
    /// the document leaves out is the shipped default: a whole section, one threshold, or a word list (a list it gives
    /// replaces the shipped one). So <c>{"firstComment":{"enabled":false}}</c> switches off the first-comment hold and
    /// keeps every shipped list, where reading it into empty objects would silently drop the crisis language and the
    /// blocked terms.
    /// </summary>
    /// <exception cref="JsonException">The text is not a JSON object, names a setting that does not exist, or has a null where a value belongs.</exception>
    public static ModerationSettings FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (JsonNode.Parse(json, NodeReading, DocumentReading) is not JsonObject given)
        {
            throw new JsonException("The moderation settings are not a JSON object.");
        }

        var settings = (JsonObject)JsonNode.Parse(DefaultsJson.Value, NodeReading, DocumentReading)!;
        try
        {
            Overlay(settings, given);
        }
        catch (ArgumentException e)
        {
            // A JSON object reads its properties when first walked, and one named twice cannot be read.
            throw new JsonException("The moderation settings name the same setting twice: " + e.Message, e);
        }

        return settings.Deserialize<ModerationSettings>(Json) ?? throw new JsonException("The moderation settings are null.");
    }

    /// <summary>Each property the document gives replaces the shipped one; an object given is overlaid property by property.</summary>
    private static void Overlay(JsonObject shipped, JsonObject given)
    {
        foreach (var (name, value) in given)
        {
            if (value is JsonObject section && shipped[name] is JsonObject shippedSection)
            {
                Overlay(shippedSection, section);
            }
            else
            {
                shipped[name] = value?.DeepClone();
            }
        }
    }

    /// <summary>The settings as indented camelCase JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>What is wrong with these settings, one sentence each naming the JSON path; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems() => ModerationSettingsValidation.Problems(this);

    private static string ReadDefaults()
    {
        using var stream = typeof(ModerationSettings).Assembly.GetManifestResourceStream(DefaultsResource)
            ?? throw new InvalidOperationException($"The embedded resource {DefaultsResource} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
