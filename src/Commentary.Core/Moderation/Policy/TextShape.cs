namespace Commentary.Core.Moderation.Policy;

/// <summary>How a body looks rather than what it says: how much of it is capitals, and its longest run of one character.</summary>
internal readonly record struct TextShape(int Letters, int Capitals, int LongestRun, char RunCharacter)
{
    public double CapitalShare => Letters == 0 ? 0 : (double)Capitals / Letters;

    /// <param name="original">The body as written (capitals are only visible there).</param>
    /// <param name="plain">The folded body, where invisible characters can no longer break up a run.</param>
    public static TextShape Measure(string original, ReadOnlySpan<char> plain)
    {
        var letters = 0;
        var capitals = 0;
        foreach (var c in original ?? string.Empty)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c))
                {
                    capitals++;
                }
            }
        }

        var longest = 0;
        var runCharacter = '\0';
        var run = 0;
        for (var i = 0; i < plain.Length; i++)
        {
            run = i > 0 && plain[i] == plain[i - 1] ? run + 1 : 1;
            if (run > longest && plain[i] != ' ')
            {
                longest = run;
                runCharacter = plain[i];
            }
        }

        return new TextShape(letters, capitals, longest, runCharacter);
    }
}
