using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace FtpReplyAnalyzers.Rules;

/// <summary>
/// Values made once for each key that decides them (message subjects, report templates): the rules report the same
/// few again and again. Bounded, for a long-lived host: past the bound, values are made and not kept.
/// </summary>
internal sealed class BoundedCache<TKey, TValue>
    where TKey : struct, IEquatable<TKey>
{
    private const int MaxKept = 4096;
    private readonly ConcurrentDictionary<TKey, TValue> _made = new();
    private int _kept;

    public bool TryGet(TKey key, out TValue value) => _made.TryGetValue(key, out value!);

    /// <summary>Keeps <paramref name="value"/> for <paramref name="key"/> while there is room; returns it.</summary>
    public TValue Keep(TKey key, TValue value)
    {
        if (_kept < MaxKept && _made.TryAdd(key, value))
        {
            System.Threading.Interlocked.Increment(ref _kept);
        }

        return value;
    }
}

/// <summary>What a diagnostic says besides where: its properties and its message arguments.</summary>
internal sealed class DiagnosticTemplate
{
    public DiagnosticTemplate(ImmutableDictionary<string, string?> properties, object[] arguments)
    {
        Properties = properties;
        Arguments = arguments;
    }

    public ImmutableDictionary<string, string?> Properties { get; }

    /// <summary>Shared by the diagnostics made from the template: a diagnostic only reads its arguments.</summary>
    public object[] Arguments { get; }
}
