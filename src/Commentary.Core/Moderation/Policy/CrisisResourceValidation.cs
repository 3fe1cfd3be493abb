namespace Commentary.Core.Moderation.Policy;

/// <summary>
/// The checks on <see cref="CrisisResourceSettings"/>, part of <see cref="ModerationSettings.Problems"/>: what a
/// distressed reader is shown must be short, reachable and safe to turn into a link, so only <c>https:</c> addresses
/// and phone numbers made of digits pass, and each problem names the JSON path to fix.
/// </summary>
internal static class CrisisResourceValidation
{
    public const int MaxSets = 100;
    public const int MaxEntries = 20;
    public const int MaxHeading = 120;
    public const int MaxMessage = 600;
    public const int MaxName = 100;
    public const int MaxDescription = 300;
    public const int MaxUrl = 500;
    public const int MaxSubject = CrisisReplyTemplate.MaxSubject;
    public const int MaxReplyText = CrisisReplyTemplate.MaxText;
    private const string Path = "crisisResources";

    // ISO 3166-1 alpha-2, the officially assigned codes.
    private static readonly HashSet<string> Countries = new(
        """
        AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
        CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
        GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO
        JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR
        MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO
        RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV
        TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
        """.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries),
        StringComparer.OrdinalIgnoreCase);

    public static bool IsCountry(string? code) => code is { Length: 2 } && Countries.Contains(code);

    public static void Check(List<string> problems, CrisisResourceSettings? settings)
    {
        if (settings is null)
        {
            problems.Add($"{Path} is missing.");
            return;
        }

        if (settings.Default is null)
        {
            problems.Add($"{Path}.default is missing.");
        }
        else
        {
            CheckSet(problems, $"{Path}.default", settings.Default, needsAudience: false);
        }

        if (settings.Sets is null)
        {
            problems.Add($"{Path}.sets is missing.");
        }
        else if (settings.Sets.Count > MaxSets)
        {
            problems.Add(Say($"{Path}.sets has {settings.Sets.Count} entries; at most {MaxSets} are allowed."));
        }
        else
        {
            for (var i = 0; i < settings.Sets.Count; i++)
            {
                var path = Say($"{Path}.sets[{i}]");
                if (settings.Sets[i] is null)
                {
                    problems.Add($"{path} is missing.");
                    continue;
                }

                CheckSet(problems, path, settings.Sets[i], needsAudience: true);
            }
        }

        if (settings.Reply is null)
        {
            problems.Add($"{Path}.reply is missing.");
        }
        else
        {
            Text(problems, $"{Path}.reply.subject", settings.Reply.Subject, MaxSubject, required: true);
            Text(problems, $"{Path}.reply.text", settings.Reply.Text, MaxReplyText, required: true, singleLine: false);
        }
    }

    private static void CheckSet(List<string> problems, string path, CrisisResourceSet set, bool needsAudience)
    {
        var countries = set.Countries ?? [];
        var languages = set.Languages ?? [];
        if (needsAudience && countries.Count == 0 && languages.Count == 0)
        {
            problems.Add($"{path} names no country and no language, so it would never be chosen.");
        }

        if (!needsAudience && countries.Count + languages.Count > 0)
        {
            problems.Add($"{path} is for everyone; put countries and languages on a set in {Path}.sets.");
        }

        for (var i = 0; i < countries.Count && i < MaxSets; i++)
        {
            if (!IsCountry(countries[i]?.Trim()))
            {
                problems.Add(Say($"{path}.countries[{i}] (\"{countries[i]}\") is not an ISO 3166-1 country code such as \"US\" or \"GB\"."));
            }
        }

        for (var i = 0; i < languages.Count && i < MaxSets; i++)
        {
            if (!CrisisResourceSettings.IsLanguageTag(languages[i]?.Trim() ?? string.Empty))
            {
                problems.Add(Say($"{path}.languages[{i}] (\"{languages[i]}\") is not a language tag such as \"en\" or \"pt-BR\"."));
            }
        }

        Text(problems, $"{path}.heading", set.Heading, MaxHeading, required: true);
        Text(problems, $"{path}.message", set.Message, MaxMessage, required: true, singleLine: false);

        var resources = set.Resources;
        if (resources is null)
        {
            problems.Add($"{path}.resources is missing.");
            return;
        }

        if (resources.Count > MaxEntries)
        {
            problems.Add(Say($"{path}.resources has {resources.Count} entries; at most {MaxEntries} are allowed."));
            return;
        }

        for (var i = 0; i < resources.Count; i++)
        {
            var entryPath = Say($"{path}.resources[{i}]");
            if (resources[i] is not { } entry)
            {
                problems.Add($"{entryPath} is missing.");
                continue;
            }

            Text(problems, $"{entryPath}.name", entry.Name, MaxName, required: true);
            Text(problems, $"{entryPath}.description", entry.Description, MaxDescription, required: false);
            Number(problems, $"{entryPath}.phone", entry.Phone);
            Number(problems, $"{entryPath}.sms", entry.Sms);
            if (entry.Url is not null && !IsHttpsUrl(entry.Url))
            {
                problems.Add(Say($"{entryPath}.url (\"{Clip(entry.Url)}\") must be an https:// address of at most {MaxUrl} characters."));
            }

            if (string.IsNullOrWhiteSpace(entry.Phone) && string.IsNullOrWhiteSpace(entry.Sms) && string.IsNullOrWhiteSpace(entry.Url))
            {
                problems.Add($"{entryPath} needs a phone, an sms number or a url.");
            }
        }
    }

    private static void Text(List<string> problems, string path, string? value, int max, bool required, bool singleLine = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                problems.Add($"{path} is empty.");
            }

            return;
        }

        if (value.Length > max)
        {
            problems.Add(Say($"{path} is {value.Length} characters long; at most {max} are allowed."));
        }
        else if (value.Any(c => char.IsControl(c) && (singleLine || c is not ('\n' or '\r' or '\t'))))
        {
            problems.Add($"{path} has control characters{(singleLine ? " or line breaks" : string.Empty)}.");
        }
    }

    private static void Number(List<string> problems, string path, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (!IsPhoneNumber(value))
        {
            problems.Add(Say($"{path} (\"{Clip(value)}\") is not a phone number: digits, spaces, '+', '-', '(' and ')' only, with 2 to 15 digits."));
        }
    }

    public static bool IsPhoneNumber(string value)
    {
        var digits = value.Count(char.IsAsciiDigit);
        return value.Length <= 30
            && digits is >= 2 and <= 15
            && value.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')')
            && value.LastIndexOf('+') <= 0;
    }

    public static bool IsHttpsUrl(string value) =>
        value.Length <= MaxUrl
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps
        && uri.Host.Length > 0
        && uri.UserInfo.Length == 0
        && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    private static string Clip(string value) => value.Length <= 60 ? value : value[..60] + "…";

    private static string Say(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
