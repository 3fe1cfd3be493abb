namespace Commentary.Core.Moderation.Policy;

/// <summary>Compiles term lists into one <see cref="TermMatcher"/>, once per settings version.</summary>
internal sealed class TermMatcherBuilder
{
    private const int Alphabet = 27;
    private const int Space = 26;

    private readonly FoldedText _scratch = new();
    private readonly List<byte[]> _words = [];
    private readonly List<TermInfo> _terms = [];
    private readonly List<byte> _needed = [];
    private readonly List<(int Node, TermMatcher.Terminal Terminal)> _terminals = [];
    private int[] _children = new int[Alphabet * 64];
    private int _nodeCount = 1;

    /// <summary>Adds every usable term of a list; unusable ones are reported by the settings' validation instead.</summary>
    public TermMatcherBuilder Add(TermList list, IEnumerable<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        foreach (var term in terms)
        {
            if (TermReader.Read(term, _scratch, _words, out var isPrefix) is not null)
            {
                continue;
            }

            var termId = _terms.Count;
            _terms.Add(new TermInfo(list, term.Trim()));
            var fields = list switch
            {
                TermList.AuthorKeyword => TermFields.Author,
                TermList.Crisis => TermFields.Body,
                _ => TermFields.Both,
            };
            Insert(termId, isPrefix, fields, Spaced(_words));
            if (_words.Count > 1)
            {
                // "kill myself" is also found written as one word, or as one run of single letters.
                Insert(termId, isPrefix, fields, [.. _words.SelectMany(w => w)]);
            }
        }

        return this;
    }

    public TermMatcher Build()
    {
        var terminalStart = new int[_nodeCount + 1];
        foreach (var (node, _) in _terminals)
        {
            terminalStart[node + 1]++;
        }

        for (var n = 0; n < _nodeCount; n++)
        {
            terminalStart[n + 1] += terminalStart[n];
        }

        var terminals = new TermMatcher.Terminal[_terminals.Count];
        var fill = terminalStart[..^1];
        foreach (var (node, terminal) in _terminals)
        {
            terminals[fill[node]++] = terminal;
        }

        return new TermMatcher(_children[..(_nodeCount * Alphabet)], terminalStart, terminals, [.. _needed], [.. _terms]);
    }

    private static byte[] Spaced(List<byte[]> words)
    {
        var spaced = new List<byte>();
        foreach (var word in words)
        {
            if (spaced.Count > 0)
            {
                spaced.Add(Space + 1);
            }

            spaced.AddRange(word);
        }

        return [.. spaced];
    }

    /// <summary>Walks (and grows) the trie along the term's letters with runs collapsed, recording each run's length.</summary>
    private void Insert(int termId, bool isPrefix, TermFields fields, byte[] letters)
    {
        var neededStart = _needed.Count;
        var node = 0;
        var i = 0;
        while (i < letters.Length)
        {
            var run = 1;
            while (i + run < letters.Length && letters[i + run] == letters[i])
            {
                run++;
            }

            var slot = (node * Alphabet) + letters[i] - 1;
            if (_children[slot] == 0)
            {
                // Not "_children[slot] = NewNode()": that would write into the array as it was before NewNode grew it.
                var child = NewNode();
                _children[slot] = child;
            }

            node = _children[slot];
            _needed.Add((byte)Math.Min(run, byte.MaxValue));
            i += run;
        }

        _terminals.Add((node, new TermMatcher.Terminal(termId, neededStart, isPrefix, fields)));
    }

    private int NewNode()
    {
        if ((_nodeCount + 1) * Alphabet > _children.Length)
        {
            Array.Resize(ref _children, _children.Length * 2);
        }

        return _nodeCount++;
    }
}
