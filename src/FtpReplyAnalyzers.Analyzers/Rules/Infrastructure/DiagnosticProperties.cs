using System.Collections.Immutable;

namespace FtpReplyAnalyzers.Rules;

/// <summary>A diagnostic's properties: a null key leaves its entry out; a present key may have a null value.</summary>
internal static class DiagnosticProperties
{
    public static ImmutableDictionary<string, string?> Of(string key1, string? value1, string? key2 = null, string? value2 = null, string? key3 = null, string? value3 = null)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties[key1] = value1;
        if (key2 is not null)
        {
            properties[key2] = value2;
        }

        if (key3 is not null)
        {
            properties[key3] = value3;
        }

        return properties.ToImmutable();
    }
}
