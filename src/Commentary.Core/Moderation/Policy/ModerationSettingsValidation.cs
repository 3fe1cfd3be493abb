using System.Diagnostics.CodeAnalysis;

namespace Commentary.Core.Moderation.Policy;

/// <summary>
/// The checks behind <see cref="ModerationSettings.Problems"/>: thresholds in range, terms that can match, lists of
/// a size that keeps a settings document reviewable. Each problem names the JSON path an operator has to fix.
/// </summary>
internal static class ModerationSettingsValidation
{
    public const int MaxTerms = 5000;
    public const int MaxDomains = 10000;

    /// <summary>Past this many problems in one list, one more line says how many were left out.</summary>
    private const int ProblemsPerList = 10;

    public static IReadOnlyList<string> Problems(ModerationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<string>();
        var scratch = new FoldedText();

        CheckTerms(problems, scratch, "blockedTerms", settings.BlockedTerms?.Terms);
        CheckTerms(problems, scratch, "suspectTerms", settings.SuspectTerms?.Terms);
        CheckTerms(problems, scratch, "groupTerms", settings.GroupTerms?.Terms);
        CheckTerms(problems, scratch, "crisisLanguage", settings.CrisisLanguage?.Terms);

        if (Present(problems, "links", settings.Links) is { } links)
        {
            AtLeast(problems, "links.holdAt", links.HoldAt, 1, 1000);
            if (links.RejectAt <= links.HoldAt || links.RejectAt > 1000)
            {
                problems.Add(Say($"links.rejectAt must be above links.holdAt ({links.HoldAt}) and at most 1000 (is {links.RejectAt})."));
            }

            if (links.NewCommenterHoldAt < 1 || links.NewCommenterHoldAt > links.HoldAt)
            {
                problems.Add(Say($"links.newCommenterHoldAt must be from 1 to links.holdAt ({links.HoldAt}) (is {links.NewCommenterHoldAt})."));
            }

            CheckNames(problems, "links.topLevelDomains", links.TopLevelDomains, IsTopLevelDomain, "is not a top-level domain (2 to 24 letters a–z)");
            CheckNames(problems, "links.wordLikeTopLevelDomains", links.WordLikeTopLevelDomains, IsTopLevelDomain, "is not a top-level domain (2 to 24 letters a–z)");
        }

        if (Present(problems, "spamPhrases", settings.SpamPhrases) is { } spam)
        {
            AtLeast(problems, "spamPhrases.holdAt", spam.HoldAt, 1, 100);
            if (spam.RejectAt <= spam.HoldAt || spam.RejectAt > 100)
            {
                problems.Add(Say($"spamPhrases.rejectAt must be above spamPhrases.holdAt ({spam.HoldAt}) and at most 100 (is {spam.RejectAt})."));
            }

            CheckTerms(problems, scratch, "spamPhrases", spam.Terms);
        }

        if (Present(problems, "shouting", settings.Shouting) is { } shouting)
        {
            AtLeast(problems, "shouting.minLetters", shouting.MinLetters, 1, 5000);
            Share(problems, "shouting.capitalShare", shouting.CapitalShare);
        }

        if (Present(problems, "repeatedCharacters", settings.RepeatedCharacters) is { } repeated)
        {
            AtLeast(problems, "repeatedCharacters.runLength", repeated.RunLength, 3, 1000);
        }

        if (Present(problems, "mostlyLink", settings.MostlyLink) is { } mostlyLink)
        {
            Share(problems, "mostlyLink.linkShare", mostlyLink.LinkShare);
        }

        if (Present(problems, "suspiciousAuthor", settings.SuspiciousAuthor) is { } author)
        {
            AtLeast(problems, "suspiciousAuthor.maxWords", author.MaxWords, 1, 80);
            AtLeast(problems, "suspiciousAuthor.keywordsToFlag", author.KeywordsToFlag, 1, 80);
            CheckTerms(problems, scratch, "suspiciousAuthor.keywords", author.Keywords, listPath: "suspiciousAuthor.keywords");
        }

        if (Present(problems, "disposableEmail", settings.DisposableEmail) is { } disposable)
        {
            CheckNames(problems, "disposableEmail.domains", disposable.Domains, IsDomain, "is not a domain name like \"example.com\"", MaxDomains);
        }

        if (Present(problems, "flood", settings.Flood) is { } flood)
        {
            AtLeast(problems, "flood.maxRecentFromEmail", flood.MaxRecentFromEmail, 0, 100_000);
            AtLeast(problems, "flood.maxRecentFromIp", flood.MaxRecentFromIp, 0, 100_000);
            AtLeast(problems, "flood.windowMinutes", flood.WindowMinutes, 1, 1440);
        }

        if (Present(problems, "personalData", settings.PersonalData) is { } personal)
        {
            AtLeast(problems, "personalData.phoneMinDigits", personal.PhoneMinDigits, 7, 15);
            CheckNames(problems, "personalData.streetWords", personal.StreetWords, IsStreetWord, "is not a single word of 2 to 30 letters");
        }

        if (Present(problems, "classifier", settings.Classifier) is { } classifier)
        {
            CheckScore(problems, "classifier.spam", classifier.Spam);
            CheckScore(problems, "classifier.toxic", classifier.Toxic);
            if (classifier.Toxic is { } toxic)
            {
                Share(problems, "classifier.toxic.namedGroupHoldAt", toxic.NamedGroupHoldAt);
            }
            if (Present(problems, "classifier.crisis", classifier.Crisis) is { } crisis)
            {
                Share(problems, "classifier.crisis.holdAt", crisis.HoldAt);
                Share(problems, "classifier.crisis.personalHoldAt", crisis.PersonalHoldAt);
                if (!(crisis.UrgentAt >= 0 && crisis.UrgentAt <= 1))
                {
                    // 0 is allowed: every comment the crisis score holds is then urgent.
                    problems.Add(Say($"classifier.crisis.urgentAt must be from 0 to 1 (is {crisis.UrgentAt})."));
                }
            }
        }

        Present(problems, "duplicates", settings.Duplicates);
        Present(problems, "firstComment", settings.FirstComment);
        Present(problems, "bans", settings.Bans);
        Present(problems, "helpfulMarks", settings.HelpfulMarks);
        CrisisResourceValidation.Check(problems, settings.CrisisResources);
        return problems;
    }

    private static T? Present<T>(List<string> problems, string path, T? section)
        where T : class
    {
        if (section is null)
        {
            problems.Add($"{path} is missing.");
        }

        return section;
    }

    private static void CheckTerms(List<string> problems, FoldedText scratch, string section, List<string>? terms, string? listPath = null)
    {
        var path = listPath ?? section + ".terms";
        if (!ListFits(problems, path, terms, MaxTerms))
        {
            return;
        }

        var words = new List<byte[]>();
        var found = 0;
        for (var i = 0; i < terms.Count; i++)
        {
            if (TermReader.Read(terms[i], scratch, words, out _) is { } problem && found++ < ProblemsPerList)
            {
                problems.Add(Say($"{path}[{i}] (\"{terms[i]}\") {problem}."));
            }
        }

        LeftOut(problems, path, found);
    }

    /// <summary>Whether a list is there and not too long; says what is wrong when it is not.</summary>
    private static bool ListFits(List<string> problems, string path, [NotNullWhen(true)] List<string>? list, int max)
    {
        if (list is null)
        {
            problems.Add($"{path} is missing.");
            return false;
        }

        if (list.Count > max)
        {
            problems.Add(Say($"{path} has {list.Count} entries; at most {max} are allowed."));
            return false;
        }

        return true;
    }

    private static void CheckNames(List<string> problems, string path, List<string>? names, Func<string, bool> isValid, string complaint, int max = MaxTerms)
    {
        if (!ListFits(problems, path, names, max))
        {
            return;
        }

        var found = 0;
        for (var i = 0; i < names.Count; i++)
        {
            if (!isValid(names[i]?.Trim() ?? string.Empty) && found++ < ProblemsPerList)
            {
                problems.Add(Say($"{path}[{i}] (\"{names[i]}\") {complaint}."));
            }
        }

        LeftOut(problems, path, found);
    }

    private static void LeftOut(List<string> problems, string path, int found)
    {
        if (found > ProblemsPerList)
        {
            problems.Add(Say($"{path} has {found - ProblemsPerList} more problems like these."));
        }
    }

    private static void AtLeast(List<string> problems, string path, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            problems.Add(Say($"{path} must be from {min} to {max} (is {value})."));
        }
    }

    private static void Share(List<string> problems, string path, double value)
    {
        if (!(value > 0 && value <= 1))
        {
            problems.Add(Say($"{path} must be above 0 and at most 1 (is {value})."));
        }
    }

    private static void CheckScore(List<string> problems, string path, ScoreThresholds? score)
    {
        if (Present(problems, path, score) is not { } s)
        {
            return;
        }

        if (!(s.HoldAt > 0 && s.HoldAt < 1))
        {
            problems.Add(Say($"{path}.holdAt must be above 0 and below 1 (is {s.HoldAt})."));
        }

        if (!(s.RejectAt > s.HoldAt && s.RejectAt <= 1))
        {
            problems.Add(Say($"{path}.rejectAt must be above {path}.holdAt ({s.HoldAt}) and at most 1 (is {s.RejectAt})."));
        }
    }

    private static bool IsTopLevelDomain(string name)
    {
        var tld = name.TrimStart('.');
        return tld.Length is >= 2 and <= 24 && tld.All(char.IsAsciiLetter);
    }

    private static bool IsDomain(string name) =>
        name.Length is > 3 and <= 253
        && name.Contains('.', StringComparison.Ordinal)
        && name.Split('.').All(label => label.Length is > 0 and <= 63 && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));

    private static bool IsStreetWord(string word)
    {
        var bare = word.TrimEnd('.');
        return bare.Length is >= 2 and <= 30 && bare.All(char.IsAsciiLetter);
    }

    private static string Say(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
