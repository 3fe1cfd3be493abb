using System.Buffers;

namespace Commentary.Core.Moderation.Policy;

/// <summary>Kinds of personal data a comment may give away, as flags so one comment can show several.</summary>
[Flags]
internal enum PersonalDataKinds
{
    None = 0,
    EmailAddress = 1,
    PhoneNumber = 2,
    StreetAddress = 4,
}

/// <summary>
/// Finds personal data in a comment's body: email addresses (also "name [at] example [dot] com"), phone numbers
/// (a run of digits in the usual groupings, long enough to dial) and street addresses (a house number, one to three
/// capitalised words, and a street word such as "Road" or "St"). It only says what kind it saw, never the data itself,
/// so the reason stored with the comment does not copy it.
/// </summary>
internal sealed class PersonalDataFinder
{
    private const int MaxPhoneDigits = 15;
    private const int MaxPhoneGroup = 12;
    private const int MaxNameWords = 3;
    private static readonly SearchValues<char> LowerLetters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz");

    private readonly DomainReader _domains;
    private readonly int _minPhoneDigits;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _streetWords;
    private readonly bool _emails;
    private readonly bool _phones;
    private readonly bool _streets;

    public PersonalDataFinder(DomainReader domains, PersonalDataSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _domains = domains;
        _minPhoneDigits = settings.PhoneMinDigits;
        _emails = settings.EmailAddresses;
        _phones = settings.PhoneNumbers;
        _streets = settings.StreetAddresses;
        _streetWords = new HashSet<string>(settings.StreetWords.Select(w => w.Trim().TrimEnd('.').ToLowerInvariant()), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <param name="plain">The body folded to plain text (see <see cref="FoldedText.Plain"/>).</param>
    /// <param name="original">The body as written, whose capitals tell a street name from prose.</param>
    public PersonalDataKinds Find(ReadOnlySpan<char> plain, string original)
    {
        var kinds = PersonalDataKinds.None;
        if (_emails && HasEmailAddress(plain))
        {
            kinds |= PersonalDataKinds.EmailAddress;
        }

        if (_phones && HasPhoneNumber(plain))
        {
            kinds |= PersonalDataKinds.PhoneNumber;
        }

        if (_streets && HasStreetAddress(original ?? string.Empty))
        {
            kinds |= PersonalDataKinds.StreetAddress;
        }

        return kinds;
    }

    private bool HasEmailAddress(ReadOnlySpan<char> text)
    {
        for (var at = text.IndexOf('@'); at >= 0; at = Next(text, at, '@'))
        {
            if (at > 0 && IsLocalChar(text[at - 1]) && at + 1 < text.Length && DomainReader.IsHostChar(text[at + 1]) && HasMailDomain(text, at + 1))
            {
                return true;
            }
        }

        // "name [at] example [dot] com", written to dodge address harvesters.
        foreach (var disguise in (ReadOnlySpan<string>)["[at]", "(at)", "{at}", "<at>"])
        {
            for (var at = text.IndexOf(disguise, StringComparison.Ordinal); at >= 0; at = Next(text, at, disguise))
            {
                var left = at;
                while (left > 0 && text[left - 1] == ' ')
                {
                    left--;
                }

                var right = at + disguise.Length;
                while (right < text.Length && text[right] == ' ')
                {
                    right++;
                }

                if (left > 0 && IsLocalChar(text[left - 1]) && right < text.Length && _domains.TryRead(text, right, out _, out _))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static int Next(ReadOnlySpan<char> text, int found, char value)
    {
        var next = text[(found + 1)..].IndexOf(value);
        return next < 0 ? -1 : found + 1 + next;
    }

    private static int Next(ReadOnlySpan<char> text, int found, string value)
    {
        var next = text[(found + 1)..].IndexOf(value, StringComparison.Ordinal);
        return next < 0 ? -1 : found + 1 + next;
    }

    private static bool IsLocalChar(char c) => DomainReader.IsHostChar(c) || c is '.' or '_' or '+' or '%';

    /// <summary>An email domain has at least two labels and ends in letters ("example.org", "mail.example.co.uk").</summary>
    private static bool HasMailDomain(ReadOnlySpan<char> text, int start)
    {
        var labels = 0;
        var lastAllLetters = false;
        var position = start;
        while (true)
        {
            var labelStart = position;
            while (position < text.Length && DomainReader.IsHostChar(text[position]))
            {
                position++;
            }

            if (position == labelStart)
            {
                return false;
            }

            labels++;
            var label = text[labelStart..position];
            lastAllLetters = label.Length >= 2 && !label.ContainsAnyExcept(LowerLetters);
            if (position + 1 < text.Length && text[position] == '.' && DomainReader.IsHostChar(text[position + 1]))
            {
                position++;
                continue;
            }

            return labels >= 2 && lastAllLetters;
        }
    }

    /// <summary>
    /// Digits grouped by single spaces, hyphens, dots or brackets, with an optional leading "+": at least the
    /// configured number of digits and at most 15, no group longer than 12 (so a long decimal is not a phone). Numbers
    /// that say what they are by their shape or the word before them are not phones: an IP address
    /// ("82.28.237.200", how forums and wikis sign anonymous posts), a count with dots between its thousands
    /// ("2.124.821.694 views") and an ISBN.
    /// </summary>
    private bool HasPhoneNumber(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var startsNumber = (char.IsAsciiDigit(c) || c is '+' or '(') && (i == 0 || !char.IsAsciiLetterOrDigit(text[i - 1]));
            if (!startsNumber)
            {
                i++;
                continue;
            }

            var address = IpAddressLength(text[(c == '(' ? i + 1 : i)..]);
            if (address > 0)
            {
                i += address + (c == '(' ? 1 : 0);
                continue;
            }

            var digits = 0;
            var afterLastDigit = i;
            var group = 0;
            var longestGroup = 0;
            var separatorsInARow = 0;
            var j = c == '+' ? i + 1 : i;
            for (; j < text.Length; j++)
            {
                var d = text[j];
                if (char.IsAsciiDigit(d))
                {
                    digits++;
                    afterLastDigit = j + 1;
                    group++;
                    longestGroup = Math.Max(longestGroup, group);
                    separatorsInARow = 0;
                }
                else if (d is ' ' or '-' or '.' or '(' or ')' && separatorsInARow < 2)
                {
                    group = 0;
                    separatorsInARow++;
                }
                else
                {
                    break;
                }
            }

            var endsCleanly = afterLastDigit >= text.Length || !char.IsAsciiLetter(text[afterLastDigit]);
            if (endsCleanly && digits >= _minPhoneDigits && digits <= MaxPhoneDigits && longestGroup <= MaxPhoneGroup
                && !IsDottedCount(text[i..afterLastDigit]) && !AfterIsbn(text[..i]))
            {
                return true;
            }

            i = Math.Max(j, i + 1);
        }

        return false;
    }

    /// <summary>The length of the IPv4 address ("82.28.237.200") the text starts with; 0 when it starts with none.</summary>
    private static int IpAddressLength(ReadOnlySpan<char> text)
    {
        var position = 0;
        for (var part = 0; part < 4; part++)
        {
            if (part > 0)
            {
                if (position >= text.Length || text[position] != '.')
                {
                    return 0;
                }

                position++;
            }

            var start = position;
            var value = 0;
            while (position < text.Length && position - start < 4 && char.IsAsciiDigit(text[position]))
            {
                value = (value * 10) + (text[position] - '0');
                position++;
            }

            if (position == start || position - start > 3 || value > 255)
            {
                return 0;
            }
        }

        // "1.2.3.4.5" or "1.2.3.4a" is something else; a full stop after the address ends its sentence.
        var endsHere = position == text.Length || !(char.IsAsciiLetterOrDigit(text[position])
            || (text[position] == '.' && position + 1 < text.Length && char.IsAsciiDigit(text[position + 1])));
        return endsHere ? position : 0;
    }

    /// <summary>A count written with a dot between its thousands: one to three digits, then groups of three ("2.124.821.694").</summary>
    private static bool IsDottedCount(ReadOnlySpan<char> run)
    {
        var groups = 0;
        foreach (var range in run.Split('.'))
        {
            var group = run[range];
            if (group.IsEmpty || group.ContainsAnyExceptInRange('0', '9') || (groups == 0 ? group.Length > 3 : group.Length != 3))
            {
                return false;
            }

            groups++;
        }

        return groups >= 3;
    }

    /// <summary>Whether the text before a number ends with "ISBN" (also "ISBN:", "ISBN-13", "ISBN 10").</summary>
    private static bool AfterIsbn(ReadOnlySpan<char> before)
    {
        var label = before.TrimEnd(" :");
        if (label.EndsWith("10", StringComparison.Ordinal) || label.EndsWith("13", StringComparison.Ordinal))
        {
            label = label[..^2].TrimEnd(" -");
        }

        return label.EndsWith("isbn", StringComparison.Ordinal);
    }

    /// <summary>"14 Oak Lane", "221b Baker Street", "10 Downing St.": a number, capitalised words, a street word.</summary>
    private bool HasStreetAddress(string text)
    {
        Span<Range> words = stackalloc Range[MaxNameWords + 1];
        Span<char> lower = stackalloc char[32];
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]) || (i > 0 && char.IsLetterOrDigit(text[i - 1])))
            {
                i++;
                continue;
            }

            var numberEnd = i;
            while (numberEnd < text.Length && char.IsAsciiDigit(text[numberEnd]))
            {
                numberEnd++;
            }

            var isHouseNumber = numberEnd - i <= 5 && (numberEnd == text.Length || !char.IsLetter(text[numberEnd])
                || (numberEnd + 1 < text.Length && !char.IsLetter(text[numberEnd + 1])));
            if (isHouseNumber)
            {
                var count = ReadWords(text, numberEnd, words);
                for (var w = 1; w < count; w++)
                {
                    if (!IsCapitalised(text.AsSpan()[words[w - 1]]))
                    {
                        break;
                    }

                    if (_streetWords.Contains(LowerAscii(text.AsSpan()[words[w]], lower)))
                    {
                        return true;
                    }
                }
            }

            i = numberEnd;
        }

        return false;
    }

    /// <summary>The words that follow a position, separated only by spaces (a full stop or comma ends the run).</summary>
    private static int ReadWords(string text, int position, Span<Range> words)
    {
        var count = 0;
        if (position < text.Length && char.IsLetter(text[position]))
        {
            position++; // a house number's letter, as in "221b"
        }

        while (count < words.Length)
        {
            var start = position;
            while (position < text.Length && text[position] == ' ')
            {
                position++;
            }

            if (position == start)
            {
                break;
            }

            start = position;
            while (position < text.Length && char.IsLetter(text[position]))
            {
                position++;
            }

            if (position == start)
            {
                break;
            }

            words[count++] = start..position;
        }

        return count;
    }

    private static bool IsCapitalised(ReadOnlySpan<char> word) => word.Length > 0 && char.IsUpper(word[0]);

    private static ReadOnlySpan<char> LowerAscii(ReadOnlySpan<char> word, Span<char> buffer)
    {
        if (word.Length > buffer.Length)
        {
            return ReadOnlySpan<char>.Empty;
        }

        for (var i = 0; i < word.Length; i++)
        {
            buffer[i] = char.ToLowerInvariant(word[i]);
        }

        return buffer[..word.Length];
    }
}
