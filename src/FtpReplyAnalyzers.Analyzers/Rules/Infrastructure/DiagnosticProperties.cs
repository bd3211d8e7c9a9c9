using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace FtpReplyAnalyzers.Rules;

/// <summary>
/// A diagnostic's properties, made once for each distinct set: the rules report the same few sets (a command verb,
/// a shape, a flag) again and again. A null key leaves its entry out; a present key may have a null value.
/// </summary>
internal static class DiagnosticProperties
{
    private static readonly ConcurrentDictionary<Key, ImmutableDictionary<string, string?>> Sets = new();

    public static ImmutableDictionary<string, string?> Of(string key1, string? value1, string? key2 = null, string? value2 = null, string? key3 = null, string? value3 = null)
    {
        var key = new Key(key1, value1, key2, value2, key3, value3);
        return Sets.TryGetValue(key, out var found) ? found : Sets.GetOrAdd(key, Make(key));
    }

    private static ImmutableDictionary<string, string?> Make(Key set)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties[set.Key1] = set.Value1;
        if (set.Key2 is { } key2)
        {
            properties[key2] = set.Value2;
        }

        if (set.Key3 is { } key3)
        {
            properties[key3] = set.Value3;
        }

        return properties.ToImmutable();
    }

    /// <summary>A set's keys and values, compared by value (a struct of its own: the dictionary's lookups then compile for it, not for shared generic code).</summary>
    private readonly struct Key : IEquatable<Key>
    {
        public Key(string key1, string? value1, string? key2, string? value2, string? key3, string? value3)
        {
            Key1 = key1;
            Value1 = value1;
            Key2 = key2;
            Value2 = value2;
            Key3 = key3;
            Value3 = value3;
        }

        public string Key1 { get; }

        public string? Value1 { get; }

        public string? Key2 { get; }

        public string? Value2 { get; }

        public string? Key3 { get; }

        public string? Value3 { get; }

        public bool Equals(Key other)
            => string.Equals(Key1, other.Key1, StringComparison.Ordinal) && string.Equals(Value1, other.Value1, StringComparison.Ordinal)
               && string.Equals(Key2, other.Key2, StringComparison.Ordinal) && string.Equals(Value2, other.Value2, StringComparison.Ordinal)
               && string.Equals(Key3, other.Key3, StringComparison.Ordinal) && string.Equals(Value3, other.Value3, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        public override int GetHashCode()
        {
            // The values tell the sets apart; the keys are the same few constants.
            var hash = Hash(Value1);
            hash = (hash * 31) + Hash(Value2);
            return (hash * 31) + Hash(Value3) + (Key3 is null ? 0 : 7) + (Key2 is null ? 0 : 3);
        }

        private static int Hash(string? text) => text is null ? 0 : StringComparer.Ordinal.GetHashCode(text);
    }
}
