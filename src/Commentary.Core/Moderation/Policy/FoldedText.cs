namespace Commentary.Core.Moderation.Policy;

/// <summary>One way to read a word: a run of letters (1 = a … 26 = z; 0 is a character no term contains).</summary>
internal readonly record struct WordReading(int Start, int Length);

/// <summary>
/// A word as the matcher sees it, with every reading it may have ("k1ll" reads as "kill" and "klll"). A joined unit
/// is a run of single letters put back together ("f u c k", "f.u.c.k"); a term may start and end anywhere inside it.
/// A unit with no readings (a number, or a word in a script we cannot read as Latin) matches nothing and breaks
/// phrases.
/// </summary>
internal readonly record struct WordUnit(int FirstReading, int ReadingCount, bool IsJoined);

/// <summary>
/// A text folded for matching, in one pass: its words (see <see cref="WordUnit"/>) and a plain copy for the link,
/// personal-data and shape checks (lower case, compatibility forms and look-alikes folded, invisible characters
/// gone, punctuation kept, no leetspeak). Instances are reused: <see cref="Fold"/> overwrites the previous text, so
/// per-comment work allocates nothing once the buffers have grown.
/// </summary>
internal sealed class FoldedText
{
    /// <summary>Readings per word are capped: a word with more ambiguous characters reads them the first way.</summary>
    private const int MaxAmbiguous = 3;

    /// <summary>Masked runs read per word ("f*ck", "n*gg*r"); later ones read as a character no term contains.</summary>
    private const int MaxMaskedRuns = 2;

    private byte[] _letters = new byte[512];
    private int _letterCount;
    private WordReading[] _readings = new WordReading[128];
    private int _readingCount;
    private WordUnit[] _units = new WordUnit[128];
    private int _unitCount;
    private char[] _plain = new char[512];
    private int _plainLength;

    // The word being read: its characters' folds, and what kinds of character it holds.
    private FoldEntry[] _word = new FoldEntry[64];
    private int _wordLength;
    private int _wordLetters;
    private bool _wordUnreadable;

    public int UnitCount => _unitCount;

    public ReadOnlySpan<char> Plain => _plain.AsSpan(0, _plainLength);

    public WordUnit Unit(int index) => _units[index];

    public ReadOnlySpan<byte> Letters(WordUnit unit, int reading)
    {
        var r = _readings[unit.FirstReading + reading];
        return _letters.AsSpan(r.Start, r.Length);
    }

    public FoldedText Fold(string? text)
    {
        _letterCount = _readingCount = _unitCount = _plainLength = 0;
        StartWord();
        text ??= string.Empty;
        EnsurePlain(text.Length * 3);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            FoldEntry entry;
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            entry = pair ? CharacterFold.OfCodePoint(char.ConvertToUtf32(c, text[i + 1])) : CharacterFold.Of(c);
            switch (entry.Kind)
            {
                case CharKind.Ignored:
                    break;
                case CharKind.Letter:
                    AddToWord(entry);
                    _wordLetters++;
                    for (var k = 0; k < entry.LetterCount; k++)
                    {
                        _plain[_plainLength++] = (char)('a' - 1 + entry.Letter(k));
                    }

                    break;
                case CharKind.Digit:
                    AddToWord(entry);
                    _plain[_plainLength++] = (char)('0' + entry.DigitValue);
                    break;
                case CharKind.LeetSymbol:
                    AddToWord(entry);
                    _plain[_plainLength++] = PlainPunctuation(c);
                    break;
                case CharKind.OtherLetter:
                    AddToWord(entry);
                    _wordUnreadable = true;
                    _plain[_plainLength++] = pair ? c : char.ToLowerInvariant(c);
                    if (pair)
                    {
                        _plain[_plainLength++] = text[i + 1];
                    }

                    break;
                default:
                    EndWord();
                    _plain[_plainLength++] = char.IsWhiteSpace(c) ? ' ' : PlainPunctuation(c);
                    if (pair)
                    {
                        _plain[_plainLength++] = text[i + 1];
                    }

                    break;
            }

            if (pair)
            {
                i++;
            }
        }

        EndWord();
        JoinSingleLetters();
        return this;
    }

    /// <summary>Full-width punctuation as its ASCII twin, so "example．com" is a domain like "example.com".</summary>
    private static char PlainPunctuation(char c) =>
        c is >= '\uFF01' and <= '\uFF5E' ? char.ToLowerInvariant((char)(c - 0xFEE0)) : char.ToLowerInvariant(c);

    private void StartWord()
    {
        _wordLength = _wordLetters = 0;
        _wordUnreadable = false;
    }

    private void AddToWord(FoldEntry entry)
    {
        if (_wordLength == _word.Length)
        {
            Array.Resize(ref _word, _word.Length * 2);
        }

        _word[_wordLength++] = entry;
    }

    private void EndWord()
    {
        if (_wordLength == 0)
        {
            return;
        }

        // "wow!!!" and "+44": punctuation-like symbols at a word's edges are punctuation, not letters.
        var start = 0;
        var end = _wordLength;
        while (start < end && _word[start].IsTrimmedAtEdge)
        {
            start++;
        }

        while (end > start && _word[end - 1].IsTrimmedAtEdge)
        {
            end--;
        }

        if (end - start == 1 && _word[start].Kind == CharKind.Digit && _word[start].DigitValue is 2 or 4)
        {
            // Text-speak: a lone 2 or 4 stands for a word ("want 2 die", "nothing 4 me").
            AddWholeWord(_word[start].DigitValue == 2 ? "to" : "for");
        }
        else if (start < end)
        {
            // A number ("2024", "3") is not a word; a word in a script we cannot read matches nothing.
            var readable = !_wordUnreadable && (_wordLetters > 0 || HasSymbol(start, end));
            AddReadings(start, end, readable);
        }

        StartWord();
    }

    private void AddReadings(int start, int end, bool readable)
    {
        var firstReading = _readingCount;
        if (readable)
        {
            var ambiguous = 0;
            for (var j = start; j < end; j++)
            {
                if (IsAmbiguous(j, start, end))
                {
                    ambiguous++;
                }
            }

            var readings = 1 << Math.Min(ambiguous, MaxAmbiguous);
            for (var choice = 0; choice < readings; choice++)
            {
                AddReading(start, end, choice);
            }
        }

        AddUnit(new WordUnit(firstReading, _readingCount - firstReading, IsJoined: false));
    }

    private bool HasSymbol(int start, int end)
    {
        for (var j = start; j < end; j++)
        {
            if (_word[j].Kind == CharKind.LeetSymbol)
            {
                return true;
            }
        }

        return false;
    }

    private void AddWholeWord(string word)
    {
        EnsureLetters(word.Length);
        var start = _letterCount;
        foreach (var c in word)
        {
            _letters[_letterCount++] = (byte)(c - 'a' + 1);
        }

        var reading = _readingCount;
        AddReadingRecord(new WordReading(start, word.Length));
        AddUnit(new WordUnit(reading, 1, IsJoined: false));
    }

    private bool IsAmbiguous(int j, int start, int end) =>
        _word[j].Alternative != 0 || (j == start && end - start > 1 && _word[j].IsOptionalAtEdge);

    private void AddReading(int start, int end, int choice)
    {
        EnsureLetters((end - start) * 3);
        var readingStart = _letterCount;
        var ambiguousSeen = 0;
        var masks = 0;
        for (var j = start; j < end; j++)
        {
            var entry = _word[j];
            if (IsAmbiguous(j, start, end) && ambiguousSeen < MaxAmbiguous)
            {
                var second = ((choice >> ambiguousSeen++) & 1) == 1;
                if (second)
                {
                    if (entry.Alternative == 0)
                    {
                        continue; // an optional "@" read as a mention sign: no letter
                    }

                    _letters[_letterCount++] = (byte)entry.Alternative;
                    continue;
                }
            }

            if (entry.Letter(0) == FoldEntry.AnyLetter)
            {
                // Past the second masked run a word is noise ("s***e***a***s"), and each run multiplies the matcher's work.
                var startsRun = _letterCount == readingStart || _letters[_letterCount - 1] != FoldEntry.AnyLetter;
                masks += startsRun ? 1 : 0;
                _letters[_letterCount++] = (byte)(masks > MaxMaskedRuns ? 0 : FoldEntry.AnyLetter);
                continue;
            }

            var count = entry.Kind == CharKind.Letter ? entry.LetterCount : 1;
            for (var k = 0; k < count; k++)
            {
                _letters[_letterCount++] = (byte)entry.Letter(k);
            }
        }

        if (_letterCount > readingStart)
        {
            AddReadingRecord(new WordReading(readingStart, _letterCount - readingStart));
        }
    }

    /// <summary>Runs of two or more single-letter words ("f u c k", "f.u.c.k") become one joined unit.</summary>
    private void JoinSingleLetters()
    {
        var write = 0;
        var read = 0;
        while (read < _unitCount)
        {
            var runEnd = read;
            while (runEnd < _unitCount && IsSingleLetter(_units[runEnd]))
            {
                runEnd++;
            }

            if (runEnd - read >= 2)
            {
                EnsureLetters(runEnd - read);
                var start = _letterCount;
                for (var u = read; u < runEnd; u++)
                {
                    _letters[_letterCount++] = _letters[_readings[_units[u].FirstReading].Start];
                }

                var reading = _readingCount;
                AddReadingRecord(new WordReading(start, runEnd - read));
                _units[write++] = new WordUnit(reading, 1, IsJoined: true);
                read = runEnd;
            }
            else
            {
                _units[write++] = _units[read++];
            }
        }

        _unitCount = write;
    }

    private bool IsSingleLetter(WordUnit unit) =>
        unit is { ReadingCount: 1, IsJoined: false } && _readings[unit.FirstReading].Length == 1;

    private void AddUnit(WordUnit unit)
    {
        if (_unitCount == _units.Length)
        {
            Array.Resize(ref _units, _units.Length * 2);
        }

        _units[_unitCount++] = unit;
    }

    private void AddReadingRecord(WordReading reading)
    {
        if (_readingCount == _readings.Length)
        {
            Array.Resize(ref _readings, _readings.Length * 2);
        }

        _readings[_readingCount++] = reading;
    }

    private void EnsureLetters(int more)
    {
        if (_letterCount + more > _letters.Length)
        {
            Array.Resize(ref _letters, Math.Max(_letters.Length * 2, _letterCount + more));
        }
    }

    private void EnsurePlain(int length)
    {
        if (length > _plain.Length)
        {
            _plain = new char[Math.Max(length, _plain.Length * 2)];
        }
    }
}
