using System;
using FtpReplyAnalyzers.Catalog;
using FtpReplyAnalyzers.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpReplyAnalyzers.Recognition;

/// <summary>Reads the FTP command verb out of the text a client sends ("STAT " + path, $"RETR {name}", WebRequestMethods.Ftp.RemoveDirectory).</summary>
internal static class CommandText
{
    /// <summary>The command verb (upper case) that <paramref name="operation"/> starts with, or null.</summary>
    public static string? VerbOf(IOperation? operation)
    {
        if (!MayBeCommand(operation))
        {
            return null;
        }

        var text = LeadingText(OperationHelpers.StripConversions(operation), depth: 0);
        return text is null ? null : VerbOf(text);
    }

    /// <summary>True for text (only text can be a command: most arguments are not strings).</summary>
    public static bool MayBeCommand(IOperation? operation)
        => OperationHelpers.StripConversions(operation)?.Type?.SpecialType == SpecialType.System_String;

    /// <summary>The command verb that <paramref name="text"/> starts with, or null when it is no FTP command.</summary>
    public static string? VerbOf(string text)
    {
        var end = 0;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        if (end < 3 || end > 6 || (end < text.Length && !char.IsWhiteSpace(text[end])))
        {
            return null;
        }

        // FtpWebRequest's WebRequestMethods.Ftp.Rename is "RENAME": RNFR then RNTO, ending with RNTO's reply.
        if (end == 6 && string.Compare(text, 0, "RENAME", 0, 6, StringComparison.OrdinalIgnoreCase) == 0)
        {
            return "RNTO";
        }

        // Both upper-case commands and lower-case ones are sent; "Retr" or "Stat" in prose is not.
        bool upper = true, lower = true;
        for (var i = 0; i < end; i++)
        {
            upper &= char.ToUpperInvariant(text[i]) == text[i];
            lower &= char.ToLowerInvariant(text[i]) == text[i];
        }

        // The catalog's verb: no string is made for the text read.
        return upper || lower ? ReplyCatalog.FindCommand(text, end)?.Command : null;
    }

    private static string? LeadingText(IOperation? operation, int depth)
    {
        if (operation is null || depth > 4)
        {
            return null;
        }

        if (operation.ConstantValue is { HasValue: true, Value: string constant })
        {
            return constant;
        }

        switch (operation)
        {
            case IInterpolatedStringOperation interpolated when interpolated.Parts.Length > 0:
                return interpolated.Parts[0] is IInterpolatedStringTextOperation firstText ? LeadingText(firstText.Text, depth + 1) : null;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation:
                return LeadingText(OperationHelpers.StripConversions(concatenation.LeftOperand), depth + 1);
            case IInvocationOperation { TargetMethod.Name: "Format" or "Concat", TargetMethod.ContainingType.SpecialType: SpecialType.System_String } format
                when format.Arguments.Length > 0:
                return LeadingText(OperationHelpers.StripConversions(format.Arguments[0].Value), depth + 1);
            default:
                return null;
        }
    }
}
