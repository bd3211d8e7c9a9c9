using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FtpReplyAnalyzers;

/// <summary>
/// An .editorconfig option that takes a whole number within bounds, with the value used when it is missing or not
/// valid. The analyzer reports a value it cannot use (<see cref="OptionCheck"/>); the code fixes read it here.
/// </summary>
internal sealed class WholeNumberOption
{
    public WholeNumberOption(string key, int defaultValue, int minimum, int maximum)
    {
        Key = key;
        Default = defaultValue;
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>The key as the docs write it (keys are read ignoring case).</summary>
    public string Key { get; }

    public int Default { get; }

    public int Minimum { get; }

    public int Maximum { get; }

    /// <summary>What a valid value looks like, for the warning's message.</summary>
    public string Expected => string.Format(CultureInfo.InvariantCulture, "a whole number from {0} to {1}", Minimum, Maximum);

    /// <summary>True when <paramref name="text"/> is a whole number within the bounds.</summary>
    public bool TryParse(string text, out int value)
        => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= Minimum && value <= Maximum;

    /// <summary>The option's value for a file: the configured one when it is valid, else the default.</summary>
    public int Read(AnalyzerConfigOptions options)
        => options.TryGetValue(Key, out var text) && TryParse(text, out var value) ? value : Default;
}
