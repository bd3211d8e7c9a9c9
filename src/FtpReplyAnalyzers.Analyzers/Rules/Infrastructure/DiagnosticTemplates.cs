using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace FtpReplyAnalyzers.Rules;

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

/// <summary>
/// A rule's templates, made once for each key that decides them (the codes, the command, a shape): a rule reports the
/// same few again and again, and writing the message and looking up the properties cost more than the report's
/// other work. Bounded, for a long-lived host.
/// </summary>
internal sealed class DiagnosticTemplates<TKey>
    where TKey : struct, IEquatable<TKey>
{
    private const int MaxKept = 4096;
    private readonly ConcurrentDictionary<TKey, DiagnosticTemplate> _made = new();
    private int _kept;

    public bool TryGet(TKey key, out DiagnosticTemplate template) => _made.TryGetValue(key, out template!);

    /// <summary>Keeps <paramref name="template"/> for <paramref name="key"/> while there is room; returns it.</summary>
    public DiagnosticTemplate Keep(TKey key, DiagnosticTemplate template)
    {
        if (_kept < MaxKept && _made.TryAdd(key, template))
        {
            System.Threading.Interlocked.Increment(ref _kept);
        }

        return template;
    }
}
