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
            // FtpCommand.USER, or a command object that carries one: new FtpCommandEnvelope { FtpCommand = FtpCommand.USER }.
            return OperationHelpers.StripConversions(operation) switch
            {
                IFieldReferenceOperation member => CommandMemberVerb(member),
                IObjectCreationOperation creation => CommandObjectVerb(creation),
                _ => null,
            };
        }

        var text = LeadingText(OperationHelpers.StripConversions(operation), depth: 0);
        return text is null ? null : VerbOf(text);
    }

    /// <summary>True for text (only text can be a command: most arguments are not strings).</summary>
    public static bool MayBeCommand(IOperation? operation)
        => OperationHelpers.StripConversions(operation)?.Type?.SpecialType == SpecialType.System_String;

    /// <summary>True for a member of the project's enum of commands named as a verb (FtpCmd.Site): it says a command too.</summary>
    public static bool MayBeCommandMember(IOperation? operation)
        => OperationHelpers.StripConversions(operation) is IFieldReferenceOperation { Type.TypeKind: TypeKind.Enum } member && CommandMemberVerb(member) is not null;

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

    /// <summary>
    /// A member of the project's own enum of FTP commands named as the verb it sends (<c>FtpCommand.USER</c>,
    /// <c>FtpCmd.Site</c>): an enum named for commands, so that other enums' members (a listing option named Size) are
    /// never taken for commands.
    /// </summary>
    private static string? CommandMemberVerb(IFieldReferenceOperation member)
        => member.Field is { ContainingType: { TypeKind: TypeKind.Enum, Name: var enumName } enumType } field
           && !enumType.DeclaringSyntaxReferences.IsEmpty
           && (enumName.IndexOf("Command", StringComparison.OrdinalIgnoreCase) >= 0 || enumName.IndexOf("Cmd", StringComparison.OrdinalIgnoreCase) >= 0)
           && field.Name.Length is >= 3 and <= 4
           && VerbOf(field.Name.ToUpperInvariant()) is { } verb && verb.Length == field.Name.Length
            ? verb
            : null;

    /// <summary>
    /// The command a command object is made with: the one command member among its arguments and its initializer's
    /// values (<c>new FtpRequest(encoding, FtpCmd.Site, "CHMOD", mode)</c>, <c>new Envelope { Command = FtpCommand.USER }</c>).
    /// </summary>
    private static string? CommandObjectVerb(IObjectCreationOperation creation)
    {
        string? found = null;
        foreach (var argument in creation.Arguments)
        {
            if (!Take(argument.Value, ref found))
            {
                return null;
            }
        }

        if (creation.Initializer is { } initializer)
        {
            foreach (var initialization in initializer.Initializers)
            {
                if (initialization is ISimpleAssignmentOperation { Value: var value } && !Take(value, ref found))
                {
                    return null;
                }
            }
        }

        return found;

        // False when a second command member is found: the object's command is then not known.
        static bool Take(IOperation value, ref string? found)
        {
            if (OperationHelpers.StripConversions(value) is not IFieldReferenceOperation member || CommandMemberVerb(member) is not { } verb)
            {
                return true;
            }

            if (found is not null)
            {
                return false;
            }

            found = verb;
            return true;
        }
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
