using System.Collections.Generic;

namespace FtpReplyAnalyzers.Recognition;

/// <summary>
/// Results kept per operation (or per symbol) for one code block. It lives as long as the block's analysis: a cache
/// for the whole compilation would keep every operation tree alive and grow without bound.
/// </summary>
/// <remarks>
/// A block's facts, and so its caches, belong to the one callback that analyses the block: the rules that read the
/// block add to it what they compute, for the rules after them, without a lock. Most caches of a block keep one
/// result or none: the first is held in the cache itself, and a dictionary is made for the second. It is a mutable
/// struct, so that a cache that keeps nothing costs no object: hold it in a field that is not readonly, and pass it by
/// reference, never by value.
/// </remarks>
internal struct OperationCache<TKey, T>
    where TKey : class
{
    private TKey? _firstKey;
    private T _first;
    private Dictionary<TKey, T>? _more;

    public bool TryGet(TKey key, out T value)
    {
        if (_firstKey is not null && EqualityComparer<TKey>.Default.Equals(_firstKey, key))
        {
            value = _first;
            return true;
        }

        if (_more is { } more)
        {
            return more.TryGetValue(key, out value!);
        }

        value = default!;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/> for <paramref name="key"/>; returns it.</summary>
    public T Keep(TKey key, T value)
    {
        if (_firstKey is null || EqualityComparer<TKey>.Default.Equals(_firstKey, key))
        {
            _firstKey = key;
            _first = value;
        }
        else
        {
            (_more ??= new Dictionary<TKey, T>())[key] = value;
        }

        return value;
    }
}

/// <summary>
/// A value kept by reference: a cache of <see cref="Selection"/>s (two 80-byte code sets each) grows by copying its
/// entries, and an entry that holds a reference is a tenth of the size.
/// </summary>
internal sealed class Boxed<T>
    where T : struct
{
    public Boxed(T value) => Value = value;

    public T Value { get; }
}
