using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace FtpReplyAnalyzers.Recognition;

/// <summary>
/// Results kept per operation for one code block. It lives as long as the block's analysis: a cache for the
/// whole compilation would keep every operation tree alive and grow without bound.
/// </summary>
internal sealed class OperationCache<T>
{
    private readonly Dictionary<IOperation, T> _values = new();

    /// <summary>The value for <paramref name="key"/>, computed outside the lock: rules may read one block at once.</summary>
    public T GetOrAdd(IOperation key, Func<IOperation, T> compute)
    {
        lock (_values)
        {
            if (_values.TryGetValue(key, out var found))
            {
                return found;
            }
        }

        var value = compute(key);
        lock (_values)
        {
            _values[key] = value;
        }

        return value;
    }
}
