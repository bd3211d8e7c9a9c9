using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace FtpReplyAnalyzers.Rules;

/// <summary>
/// A diagnostic's properties, made once for each distinct set: the rules report the same few sets (a command verb,
/// a shape, a flag) again and again. A null key leaves its entry out; a present key may have a null value.
/// </summary>
internal static class DiagnosticProperties
{
    private static readonly ConcurrentDictionary<(string, string?, string?, string?, string?, string?), ImmutableDictionary<string, string?>> Sets = new();

    public static ImmutableDictionary<string, string?> Of(string key1, string? value1, string? key2 = null, string? value2 = null, string? key3 = null, string? value3 = null)
        => Sets.GetOrAdd((key1, value1, key2, value2, key3, value3), static set =>
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties[set.Item1] = set.Item2;
            if (set.Item3 is { } key2)
            {
                properties[key2] = set.Item4;
            }

            if (set.Item5 is { } key3)
            {
                properties[key3] = set.Item6;
            }

            return properties.ToImmutable();
        });
}
