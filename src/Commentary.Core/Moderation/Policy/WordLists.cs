namespace Commentary.Core.Moderation.Policy;

/// <summary>
/// The settings' word lists, by JSON path. Saved settings hold whole lists, so a site that saved its settings once would
/// otherwise never get the words a later release adds to the shipped lists: a new crisis phrase, a new stock spam
/// phrase. <see cref="ModerationSettingsStore"/> keeps, beside the saved settings, the shipped lists they were saved
/// against (<see cref="Snapshot"/>), and on reading adds what the shipped lists have gained since
/// (<see cref="TakeUpReleaseAdditions"/>). A shipped word the site removed stays removed, because it was in the lists
/// it saved against; a word the site added stays.
/// </summary>
public static class WordLists
{
    private static readonly (string Path, Func<ModerationSettings, List<string>> Words)[] All =
    [
        ("blockedTerms.terms", s => s.BlockedTerms.Terms),
        ("suspectTerms.terms", s => s.SuspectTerms.Terms),
        ("groupTerms.terms", s => s.GroupTerms.Terms),
        ("links.topLevelDomains", s => s.Links.TopLevelDomains),
        ("links.wordLikeTopLevelDomains", s => s.Links.WordLikeTopLevelDomains),
        ("spamPhrases.terms", s => s.SpamPhrases.Terms),
        ("suspiciousAuthor.keywords", s => s.SuspiciousAuthor.Keywords),
        ("disposableEmail.domains", s => s.DisposableEmail.Domains),
        ("crisisLanguage.terms", s => s.CrisisLanguage.Terms),
        ("personalData.streetWords", s => s.PersonalData.StreetWords),
    ];

    /// <summary>A copy of every word list of <paramref name="settings"/>, by JSON path.</summary>
    public static Dictionary<string, List<string>> Snapshot(ModerationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return All.ToDictionary(l => l.Path, l => new List<string>(l.Words(settings)));
    }

    /// <summary>
    /// Adds to <paramref name="saved"/> every word of <paramref name="shipped"/> that was not in the shipped lists it
    /// was saved against (<paramref name="savedAgainst"/>) and is not in it already. Settings saved before the lists
    /// were kept beside them (<paramref name="savedAgainst"/> null) take up every shipped word they lack: a shipped
    /// word such a site had removed comes back once, and stays removed once it is removed again.
    /// </summary>
    /// <returns>How many words were added.</returns>
    public static int TakeUpReleaseAdditions(ModerationSettings saved, IReadOnlyDictionary<string, List<string>>? savedAgainst, ModerationSettings shipped)
    {
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(shipped);
        var added = 0;
        foreach (var (path, words) in All)
        {
            var known = new HashSet<string>(words(saved), StringComparer.OrdinalIgnoreCase);
            if (savedAgainst?.GetValueOrDefault(path) is { } before)
            {
                known.UnionWith(before);
            }

            var list = words(saved);
            foreach (var word in words(shipped).Where(known.Add))
            {
                list.Add(word);
                added++;
            }
        }

        return added;
    }
}
