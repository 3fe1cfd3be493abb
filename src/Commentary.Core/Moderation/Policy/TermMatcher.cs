namespace Commentary.Core.Moderation.Policy;

/// <summary>Which list a term came from; one matcher serves them all, so a text is walked once.</summary>
internal enum TermList : byte
{
    Blocked,
    Suspect,
    SpamPhrase,
    Crisis,
    AuthorKeyword,
    Group,
}

/// <summary>A configured term as the moderator wrote it, and the list it belongs to.</summary>
internal sealed record TermInfo(TermList List, string Text);

/// <summary>
/// Finds every listed term in a <see cref="FoldedText"/>. Terms are compiled once into a trie over their letters with
/// repeated letters collapsed ("fuuuck" and "fuck" walk the same path); each term remembers how many of each letter
/// it needs, so stretched letters match but "as" never matches "ass". A match starts at the start of a word and ends
/// at the end of one (or of a later word, for phrases), so "therapist" never contains "rapist"; inside a run of single
/// letters ("a f u c k i n g") it may start and end anywhere. The cost per comment depends on the comment's length
/// and the trie's depth, not on how many terms there are.
/// </summary>
internal sealed class TermMatcher
{
    public const int MaxDepth = 160;

    /// <summary>A run of masking symbols stands for at most this many letters ("f***" may be "fuck"; "f*****" too).</summary>
    private const int MaxMaskedLetters = 3;

    private const int Alphabet = 27;
    private const int Space = 26;

    private readonly int[] _children;
    private readonly int[] _terminalStart;
    private readonly Terminal[] _terminals;
    private readonly byte[] _needed;

    internal TermMatcher(int[] children, int[] terminalStart, Terminal[] terminals, byte[] needed, IReadOnlyList<TermInfo> terms)
    {
        _children = children;
        _terminalStart = terminalStart;
        _terminals = terminals;
        _needed = needed;
        Terms = terms;
    }

    public IReadOnlyList<TermInfo> Terms { get; }

    public int NodeCount => _terminalStart.Length - 1;

    public void FindAll(FoldedText text, TermHits hits, TermField field)
    {
        Span<byte> runs = stackalloc byte[MaxDepth];
        for (var u = 0; u < text.UnitCount; u++)
        {
            var unit = text.Unit(u);
            for (var r = 0; r < unit.ReadingCount; r++)
            {
                var letters = text.Letters(unit, r);
                if (!unit.IsJoined)
                {
                    Walk(text, u, letters, 0, 0, runs, hits, field, anywhere: false);
                    continue;
                }

                for (var start = 0; start < letters.Length; start++)
                {
                    if (start == 0 || letters[start] != letters[start - 1])
                    {
                        Walk(text, u, letters[start..], 0, 0, runs, hits, field, anywhere: true);
                    }
                }
            }
        }
    }

    private void Walk(FoldedText text, int unitIndex, ReadOnlySpan<byte> letters, int node, int depth, Span<byte> runs, TermHits hits, TermField field, bool anywhere)
    {
        var i = 0;
        while (i < letters.Length)
        {
            var letter = letters[i];
            var run = 1;
            while (i + run < letters.Length && letters[i + run] == letter)
            {
                run++;
            }

            i += run;
            if (letter == 0 || depth >= MaxDepth)
            {
                return;
            }

            if (letter == FoldEntry.AnyLetter)
            {
                WalkMasked(text, unitIndex, letters[i..], node, depth, Math.Min(run, MaxMaskedLetters), runs, hits, field, anywhere);
                return;
            }

            node = _children[(node * Alphabet) + letter - 1];
            if (node == 0)
            {
                return;
            }

            runs[depth++] = (byte)Math.Min(run, byte.MaxValue);
            if (anywhere || i < letters.Length)
            {
                // Inside a word only a prefix term ("fuck*") may end; inside a joined run any term may.
                Report(node, runs[..depth], hits, field, wholeWord: anywhere);
            }
        }

        if (!anywhere)
        {
            Report(node, runs[..depth], hits, field, wholeWord: true);
        }

        // A phrase goes on into the next word.
        if (unitIndex + 1 >= text.UnitCount || depth >= MaxDepth)
        {
            return;
        }

        var space = _children[(node * Alphabet) + Space];
        if (space == 0)
        {
            return;
        }

        runs[depth] = 1;
        var next = text.Unit(unitIndex + 1);
        for (var r = 0; r < next.ReadingCount; r++)
        {
            Walk(text, unitIndex + 1, text.Letters(next, r), space, depth + 1, runs, hits, field, anywhere: next.IsJoined);
        }
    }

    /// <summary>
    /// A run of masking symbols stands for one to <paramref name="letters"/> letters, each any letter the trie goes on
    /// with, so "f*ck" and "f**k" find "fuck" and "sh*t" finds "shit". A listed word still has to fill the whole word,
    /// so "c*cktail" is no "cock". Letters after the mask that repeat the one it stood for belong to its run ("a*s").
    /// </summary>
    private void WalkMasked(FoldedText text, int unitIndex, ReadOnlySpan<byte> rest, int node, int depth, int letters, Span<byte> runs, TermHits hits, TermField field, bool anywhere)
    {
        if (depth >= MaxDepth)
        {
            return;
        }

        for (var letter = 1; letter < FoldEntry.AnyLetter; letter++)
        {
            var child = _children[(node * Alphabet) + letter - 1];
            if (child == 0)
            {
                continue;
            }

            var after = rest;
            while (after.Length > 0 && after[0] == letter)
            {
                after = after[1..];
            }

            // The mask may stand for a stretched letter as well as a single one.
            runs[depth] = byte.MaxValue;
            if (anywhere || after.Length > 0)
            {
                // As in Walk: inside a word only a prefix term may end; inside a joined run any term may.
                Report(child, runs[..(depth + 1)], hits, field, wholeWord: anywhere);
            }

            Walk(text, unitIndex, after, child, depth + 1, runs, hits, field, anywhere);
            if (letters > 1)
            {
                WalkMasked(text, unitIndex, after, child, depth + 1, letters - 1, runs, hits, field, anywhere);
            }
        }
    }

    private void Report(int node, ReadOnlySpan<byte> runs, TermHits hits, TermField field, bool wholeWord)
    {
        for (var t = _terminalStart[node]; t < _terminalStart[node + 1]; t++)
        {
            var terminal = _terminals[t];
            if (!wholeWord && !terminal.IsPrefix)
            {
                continue;
            }

            if (((byte)terminal.Fields & (byte)field) != 0 && HasEnough(runs, _needed.AsSpan(terminal.NeededStart, runs.Length)))
            {
                hits.Add(terminal.TermId, field);
            }
        }
    }

    /// <summary>Each letter of the text is repeated at least as often as the term needs it.</summary>
    private static bool HasEnough(ReadOnlySpan<byte> found, ReadOnlySpan<byte> needed)
    {
        for (var j = 0; j < needed.Length; j++)
        {
            if (found[j] < needed[j])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A term ends at this trie node; its letter counts start at <see cref="NeededStart"/>, and it only counts in the
    /// given fields (author keywords mean nothing in a body, crisis language nothing in a name).
    /// </summary>
    internal readonly record struct Terminal(int TermId, int NeededStart, bool IsPrefix, TermFields Fields);
}
