using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace FtpReplyAnalyzers.Recognition;

/// <summary>
/// Results kept per operation (or per symbol) for one code block. It lives as long as the block's analysis: a cache for the
/// whole compilation would keep every operation tree alive and grow without bound.
/// </summary>
/// <remarks>
/// One thread fills it while the block's facts are found; <see cref="Freeze"/> then makes it read-only, so the
/// rules that read the block afterwards (possibly at once) share it without a lock. What they ask beyond it is
/// computed and not kept. The dictionary is made on the first write: many blocks keep nothing.
/// </remarks>
internal sealed class OperationCache<TKey, T>
    where TKey : class
{
    private Dictionary<TKey, T>? _values;
    private volatile bool _frozen;

    public bool TryGet(TKey key, out T value)
    {
        if (_values is { } values)
        {
            return values.TryGetValue(key, out value!);
        }

        value = default!;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/> unless the cache is frozen; returns it.</summary>
    public T Keep(TKey key, T value)
    {
        if (!_frozen)
        {
            (_values ??= new Dictionary<TKey, T>())[key] = value;
        }

        return value;
    }

    /// <summary>No more writes: from now on the cache may be read from several threads.</summary>
    public void Freeze() => _frozen = true;
}
