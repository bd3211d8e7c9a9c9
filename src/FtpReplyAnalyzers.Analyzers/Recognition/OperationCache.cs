using System.Collections.Generic;

namespace FtpReplyAnalyzers.Recognition;

/// <summary>
/// Results kept per operation (or per symbol) for one code block. It lives as long as the block's analysis: a cache
/// for the whole compilation would keep every operation tree alive and grow without bound.
/// </summary>
/// <remarks>
/// A block's facts, and so its caches, belong to one thread (see <c>FtpAnalysisContext.SharedFor</c>): the rules
/// that read the block on that thread add to it what they compute, for the rules after them, without a lock. The
/// dictionary is made on the first write: many blocks keep nothing.
/// </remarks>
internal sealed class OperationCache<TKey, T>
    where TKey : class
{
    private Dictionary<TKey, T>? _values;

    public bool TryGet(TKey key, out T value)
    {
        if (_values is { } values)
        {
            return values.TryGetValue(key, out value!);
        }

        value = default!;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/> for <paramref name="key"/>; returns it.</summary>
    public T Keep(TKey key, T value)
    {
        (_values ??= new Dictionary<TKey, T>())[key] = value;
        return value;
    }
}
