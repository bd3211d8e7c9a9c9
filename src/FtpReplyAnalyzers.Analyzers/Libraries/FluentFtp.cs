using System;
using FtpReplyAnalyzers.Operations;
using FtpReplyAnalyzers.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpReplyAnalyzers.Libraries;

/// <summary>
/// FluentFTP: <c>FtpReply</c> (<c>Code</c> as text, <c>Success</c> true for 1xx-3xx, <c>Type</c> an
/// <c>FtpResponseType</c> category) from <c>Execute</c>, which never throws on a negative reply; the high-level calls
/// of <c>FtpClient</c>/<c>AsyncFtpClient</c> throw <c>FtpCommandException</c> (<c>CompletionCode</c>, <c>ResponseType</c>)
/// instead. The exceptions live in <c>FluentFTP.Exceptions</c> (older versions: <c>FluentFTP</c>).
/// </summary>
internal sealed class FluentFtp : FtpLibrary
{
    private readonly INamedTypeSymbol? _reply;
    private readonly INamedTypeSymbol? _responseType;
    private readonly INamedTypeSymbol? _commandException;
    private readonly INamedTypeSymbol? _exception;
    private readonly INamedTypeSymbol? _client;
    private readonly INamedTypeSymbol? _asyncClient;
    private readonly INamedTypeSymbol? _baseClient;

    public FluentFtp(Compilation compilation)
    {
        _reply = compilation.GetTypeByMetadataName("FluentFTP.FtpReply");
        _responseType = compilation.GetTypeByMetadataName("FluentFTP.FtpResponseType");
        _commandException = compilation.GetTypeByMetadataName("FluentFTP.Exceptions.FtpCommandException")
                            ?? compilation.GetTypeByMetadataName("FluentFTP.FtpCommandException");
        _exception = compilation.GetTypeByMetadataName("FluentFTP.Exceptions.FtpException")
                     ?? compilation.GetTypeByMetadataName("FluentFTP.FtpException");
        _client = compilation.GetTypeByMetadataName("FluentFTP.FtpClient");
        _asyncClient = compilation.GetTypeByMetadataName("FluentFTP.AsyncFtpClient");
        _baseClient = compilation.GetTypeByMetadataName("FluentFTP.Client.BaseClient.BaseFtpClient");
    }

    public override string Name => "FluentFTP";

    public override bool IsPresent => _reply is not null || _client is not null || _asyncClient is not null || _commandException is not null;

    public override bool MakesCompilationFtp => IsPresent;

    public override ReplyValueKind? KindOfValueType(ITypeSymbol type)
        => type.TypeKind == TypeKind.Enum && Is(type, _responseType) ? ReplyValueKind.Category : null;

    public override bool TryReadMember(ISymbol member, out ReplyValueKind? kind)
    {
        kind = null;
        var owner = member.ContainingType;
        if (Is(owner, _reply))
        {
            kind = member.Name switch
            {
                "Code" => ReplyValueKind.Text,
                "Success" => ReplyValueKind.SuccessFlag,
                _ => null,
            };
            return true;
        }

        if (member.Name == "CompletionCode" && InheritsFrom(owner, _commandException))
        {
            kind = ReplyValueKind.Text;
            return true;
        }

        return false;
    }

    /// <summary>
    /// FtpCommandException and its subtypes carry the reply; FtpException, their base, receives them. Its other subtypes
    /// (a listing that does not parse, a missing object, TLS not available) are no reply.
    /// </summary>
    public override bool IsReplyException(ITypeSymbol type) => Is(type, _exception) || InheritsFrom(type, _commandException);

    public override ITypeSymbol? NegativeReplyException(IInvocationOperation invocation)
    {
        // The high-level calls throw on a negative reply; Execute returns it.
        var instance = OperationHelpers.StripConversions(invocation.Instance);
        return instance is not null && IsClient(instance.Type) && !invocation.TargetMethod.Name.StartsWith("Execute", StringComparison.Ordinal)
            ? _commandException
            : null;
    }

    public override bool CarriesReply(ITypeSymbol type) => Is(type, _reply) || IsReplyException(type);

    /// <summary>
    /// The command a high-level call of the client sends last, whose reply its FtpCommandException holds (DeleteFile:
    /// DELE). Calls that send several commands of their own (Connect, the batch transfers) name none.
    /// </summary>
    public override string? CommandOf(IInvocationOperation invocation)
    {
        var instance = OperationHelpers.StripConversions(invocation.Instance);
        if (instance is null || !IsClient(instance.Type))
        {
            return null;
        }

        var name = invocation.TargetMethod.Name;
        if (name.EndsWith("Async", StringComparison.Ordinal))
        {
            name = name.Substring(0, name.Length - "Async".Length);
        }

        return name switch
        {
            "DownloadFile" or "DownloadStream" or "DownloadBytes" => "RETR",
            "UploadFile" or "UploadStream" or "UploadBytes" => "STOR",
            "DeleteFile" => "DELE",
            "DeleteDirectory" => "RMD",
            "CreateDirectory" => "MKD",
            "Rename" or "MoveFile" or "MoveDirectory" => "RNTO",
            "SetWorkingDirectory" => "CWD",
            "GetWorkingDirectory" => "PWD",
            "GetListing" => "LIST",
            "GetNameListing" => "NLST",
            "GetFileSize" => "SIZE",
            "GetModifiedTime" => "MDTM",
            _ => null,
        };
    }

    public override string? CategoryTest(ReplyText reply, ITypeSymbol type, int digit, Func<string, string> nameOf)
    {
        if (digit >= CategoryMemberNames.Length)
        {
            return null;
        }

        if (type.TypeKind == TypeKind.Enum && Is(type, _responseType))
        {
            return $"{reply.Text} == {Category(digit, nameOf)}";
        }

        // reply.Success or reply.Code of an FtpReply: its Type says the category.
        return reply.MemberName is "Success" or "Code" && Is(reply.HolderType, _reply) ? $"{reply.HolderText}.Type == {Category(digit, nameOf)}" : null;
    }

    public override string? CaughtCategoryTest(ITypeSymbol? caughtType, string exceptionName, int digit, Func<ITypeSymbol?, bool> tryUses, Func<string, string> nameOf)
    {
        if (digit >= CategoryMemberNames.Length || caughtType is null)
        {
            return null;
        }

        if (InheritsFrom(caughtType, _commandException))
        {
            return $"{exceptionName}.ResponseType == {Category(digit, nameOf)}";
        }

        return InheritsFrom(caughtType, _exception) && _commandException is not null
            ? $"{exceptionName} is {nameOf(_commandException.ToDisplayString())} {{ ResponseType: {Category(digit, nameOf)} }}"
            : null;
    }

    public override (string Text, ITypeSymbol Type)? CodeOf(ReplyText reply, ITypeSymbol type)
    {
        if (reply.MemberName is not ("Type" or "Success") || !Is(reply.HolderType, _reply))
        {
            return null;
        }

        foreach (var member in _reply!.GetMembers("Code"))
        {
            if (member is IPropertySymbol code)
            {
                return (reply.HolderText + ".Code", code.Type);
            }
        }

        return null;
    }

    /// <summary>The FtpResponseType member of a category, its type named only when it is written.</summary>
    private static string Category(int digit, Func<string, string> nameOf) => nameOf("FluentFTP.FtpResponseType") + "." + CategoryMemberNames[digit];

    private bool IsClient(ITypeSymbol? type)
        => InheritsFrom(type, _client) || InheritsFrom(type, _asyncClient) || InheritsFrom(type, _baseClient)
           || (type is { TypeKind: TypeKind.Interface, Name: "IFtpClient" or "IAsyncFtpClient" } && IsInFluentNamespace(type));

    private static bool IsInFluentNamespace(ISymbol symbol)
    {
        for (var ns = symbol.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            if (ns.Name == "FluentFTP" && ns.ContainingNamespace is { IsGlobalNamespace: true })
            {
                return true;
            }
        }

        return false;
    }
}
