namespace Commentary.Core.Moderation.Policy;

/// <summary>Which field of a comment a term was found in.</summary>
internal enum TermField : byte
{
    Body = 1,
    Author = 2,
}

/// <summary>The fields a term counts in.</summary>
[Flags]
internal enum TermFields : byte
{
    Body = TermField.Body,
    Author = TermField.Author,
    Both = Body | Author,
}

/// <summary>The distinct terms found in one comment (reused between comments; a handful at most in practice).</summary>
internal sealed class TermHits
{
    /// <summary>Enough to explain any decision; a text that hits more terms than this is decided by the first ones.</summary>
    private const int Capacity = 64;

    private readonly (int TermId, TermField Field)[] _hits = new (int, TermField)[Capacity];

    public int Count { get; private set; }

    public (int TermId, TermField Field) this[int index] => _hits[index];

    public void Clear() => Count = 0;

    /// <summary>Whether the term of hit <paramref name="index"/> was also found earlier (in another field).</summary>
    public bool FoundEarlier(int index)
    {
        for (var i = 0; i < index; i++)
        {
            if (_hits[i].TermId == _hits[index].TermId)
            {
                return true;
            }
        }

        return false;
    }

    public void Add(int termId, TermField field)
    {
        for (var i = 0; i < Count; i++)
        {
            if (_hits[i] == (termId, field))
            {
                return;
            }
        }

        if (Count < Capacity)
        {
            _hits[Count++] = (termId, field);
        }
    }
}
