using System;
using System.Globalization;
using FtpReplyAnalyzers.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpReplyAnalyzers.Libraries;

/// <summary>
/// Clients written by hand over a socket: their replies are numbers and strings, recognised by what they are read
/// from and by how they are named. Every naming heuristic about such clients is here. As a library it comes last:
/// it writes the tests of plain numbers and strings for the fixes.
/// </summary>
internal sealed class HandWrittenClients : FtpLibrary
{
    public HandWrittenClients(Compilation compilation)
    {
    }

    public override string Name => "HandWritten";

    public override bool IsPresent => true;

    /// <summary>Asked after every library that names an API.</summary>
    public override int Order => int.MaxValue;

    public override string? CategoryTest(ReplyText reply, ITypeSymbol type, int digit, Func<string, string> nameOf) => type.SpecialType switch
    {
        SpecialType.System_String => $"{reply.Text}.StartsWith(\"{digit}\", {nameOf("System.StringComparison")}.Ordinal)",
        SpecialType.System_Int32 or SpecialType.System_Int16 or SpecialType.System_Int64 => $"{reply.Text} / 100 == {digit}",
        _ => null,
    };

    /// <summary>
    /// The project's own enum of reply codes (<c>enum FtpReplyCode { ClosingData = 226, FileActionOk = 250, ... }</c>):
    /// named for FTP or for replies, not for HTTP, and every member a three-digit reply code (or 0 or -1 for no reply).
    /// Its values hold codes as FtpStatusCode's do.
    /// </summary>
    public override ReplyValueKind? KindOfValueType(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType || enumType.DeclaringSyntaxReferences.IsEmpty
            || IsHttpName(enumType.Name) || !(SpeaksFtp(enumType) || IsReplyHolderName(enumType.Name) || IsReplyCodeName(enumType.Name)))
        {
            return null;
        }

        var members = 0;
        foreach (var member in enumType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: var value })
            {
                // Undefined = 0, Unknown = -1: the enum's value for no reply yet.
                if (value is 0 or -1)
                {
                    continue;
                }

                if (value is not (int and >= 100 and <= 599))
                {
                    return null;
                }

                members++;
            }
        }

        return members >= 2 ? ReplyValueKind.StatusCode : null;
    }

    public override string? CodeConstant(ITypeSymbol type, int code, Func<string, string> nameOf) => type.SpecialType switch
    {
        SpecialType.System_String => "\"" + code.ToString(CultureInfo.InvariantCulture) + "\"",
        SpecialType.System_Int32 or SpecialType.System_Int16 or SpecialType.System_Int64 => code.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>True when <paramref name="name"/> contains <paramref name="part"/>, ignoring case.</summary>
    public static bool NameMentions(string name, string part) => name.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>code, replyCode, ResponseCode, StatusCode, status, lastReplyCode, ftpCode, CompletionCode, ...</summary>
    public static bool IsReplyCodeName(string name)
    {
        var n = name.TrimStart('_');
        if (n.Equals("code", StringComparison.OrdinalIgnoreCase) || n.Equals("status", StringComparison.OrdinalIgnoreCase)
            || n.Equals("reply", StringComparison.OrdinalIgnoreCase) || n.Equals("rc", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return (n.EndsWith("Code", StringComparison.OrdinalIgnoreCase) || n.EndsWith("Status", StringComparison.OrdinalIgnoreCase))
               && HasQualifiedReplyName(n);
    }

    /// <summary>A name that says "reply" by itself: replyCode, responseCode, ftpStatus, ...</summary>
    public static bool HasQualifiedReplyName(string name)
        => NameMentions(name, "reply") || NameMentions(name, "response") || NameMentions(name, "ftp") || NameMentions(name, "statuscode")
           || NameMentions(name, "completion") || NameMentions(name, "result") || NameMentions(name, "return") || NameMentions(name, "server");

    /// <summary>A type or member named for a reply or response.</summary>
    public static bool IsReplyHolderName(string name) => NameMentions(name, "Reply") || NameMentions(name, "Response");

    /// <summary>
    /// A class of the program's own that is a reply (FtpResponse, ServerReply: named for one, with a member named for
    /// its code): passing it on (<c>throw new FtpServerDownException(this)</c>) passes the reply on.
    /// </summary>
    public static bool IsReplyClass(ITypeSymbol type)
    {
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || !IsReplyHolderName(type.Name) || type.DeclaringSyntaxReferences.IsEmpty)
        {
            return false;
        }

        foreach (var member in type.GetMembers())
        {
            if (member is IPropertySymbol or IFieldSymbol && IsReplyCodeName(member.Name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A string named for a line of the reply.</summary>
    public static bool IsReplyLineName(string name)
        => NameMentions(name, "reply") || NameMentions(name, "response") || NameMentions(name, "line") || NameMentions(name, "status") || NameMentions(name, "answer");

    /// <summary>A method named for reading a reply or sending a command: ReadReply, GetReplyCode, SendCommand, Execute, ...</summary>
    public static bool IsReplyReaderName(string name)
        => NameMentions(name, "Reply") || NameMentions(name, "Response") || NameMentions(name, "Command") || name.EndsWith("Code", StringComparison.Ordinal)
           || name.StartsWith("Send", StringComparison.Ordinal) || name.StartsWith("Execute", StringComparison.Ordinal) || name.StartsWith("ReadStatus", StringComparison.Ordinal);

    /// <summary>A method named for sending a command: SendCommand, Execute, Quote, InvokeFTPCommand, ...</summary>
    public static bool IsCommandSenderName(string name)
        => name.StartsWith("Send", StringComparison.Ordinal) || name.StartsWith("Execute", StringComparison.Ordinal) || name.StartsWith("Quote", StringComparison.Ordinal)
           || name.StartsWith("Invoke", StringComparison.Ordinal) || NameMentions(name, "Command");

    /// <summary>
    /// A call that writes raw text or bytes to a connection: <c>Socket.Send</c>, <c>Stream.Write</c>,
    /// <c>TextWriter.WriteLine</c> and their async and Begin forms. Returns what is written (the first argument), or
    /// null for any other call. A <c>StringWriter</c> or the console writes to no connection.
    /// </summary>
    public static IOperation? RawWriteData(IInvocationOperation call)
    {
        switch (call.TargetMethod.Name)
        {
            case "Send" or "SendAsync" or "BeginSend" or "Write" or "WriteAsync" or "BeginWrite" or "WriteLine" or "WriteLineAsync":
                break;
            default:
                return null;
        }

        if (call.Instance is null || call.Arguments.Length == 0 || call.Instance is IPropertyReferenceOperation { Property.ContainingType.Name: "Console" }
            || !WritesToConnection(call.TargetMethod.ContainingType, call.Instance.Type))
        {
            return null;
        }

        return call.Arguments[0].Value;
    }

    private static bool WritesToConnection(INamedTypeSymbol? declaring, ITypeSymbol? receiver)
    {
        if (receiver is null || IsSystemType(receiver, "IO", "StringWriter"))
        {
            return false;
        }

        for (var type = declaring; type is not null; type = type.BaseType)
        {
            if (IsSocket(type) || IsSystemType(type, "IO", "Stream") || IsSystemType(type, "IO", "TextWriter"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>System.<paramref name="ns"/>.<paramref name="name"/>, asked without building the namespace's name.</summary>
    private static bool IsSystemType(ITypeSymbol type, string ns, string name)
        => type.Name == name && type.ContainingNamespace is { Name: var inner, ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } && inner == ns;

    /// <summary>System.Net.Sockets.Socket.</summary>
    private static bool IsSocket(ITypeSymbol type)
        => type.Name == "Socket" && type.ContainingNamespace is { Name: "Sockets", ContainingNamespace: { Name: "Net", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

    /// <summary>A type named for HTTP: its codes are never FTP replies.</summary>
    public static bool IsHttpName(string name) => NameMentions(name, "Http");

    /// <summary>A type, in a type or namespace, named for FTP.</summary>
    public static bool SpeaksFtp(INamedTypeSymbol type)
    {
        for (var t = type; t is not null; t = t.ContainingType)
        {
            if (NameMentions(t.Name, "Ftp"))
            {
                return true;
            }
        }

        // Namespace by namespace: "Ftp" holds no dot, so this is the dotted name's answer without building it.
        for (var ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            if (NameMentions(ns.Name, "Ftp"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A method, type or member named for FTP or for replies.</summary>
    public static bool IsFtpOrReplyName(string name) => NameMentions(name, "Ftp") || IsReplyHolderName(name);
}
