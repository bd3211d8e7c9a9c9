using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace FtpReplyAnalyzers.Recognition;

/// <summary>
/// Results kept per operation for one code block. It lives as long as the block's analysis: a cache for the
/// whole compilation would keep every operation tree alive and grow without bound.
/// </summary>
/// <remarks>
/// One thread fills it while the block's facts are found; <see cref="Freeze"/> then makes it read-only, so the
/// rules that read the block afterwards (possibly at once) share it without a lock. What they ask beyond it is
/// computed and not kept.
/// </remarks>
internal sealed class OperationCache<T>
{
    private readonly Dictionary<IOperation, T> _values = new();
    private volatile bool _frozen;

    public T GetOrAdd(IOperation key, Func<IOperation, T> compute)
    {
        if (_values.TryGetValue(key, out var found))
        {
            return found;
        }

        var value = compute(key);
        if (!_frozen)
        {
            _values[key] = value;
        }

        return value;
    }

    /// <summary>No more writes: from now on the cache may be read from several threads.</summary>
    public void Freeze() => _frozen = true;
}
