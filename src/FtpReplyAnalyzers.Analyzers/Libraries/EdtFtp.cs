using System;
using System.Collections.Immutable;
using FtpReplyAnalyzers.Operations;
using FtpReplyAnalyzers.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpReplyAnalyzers.Libraries;

/// <summary>
/// edtFTPnet (<c>EnterpriseDT.Net.Ftp</c>): <c>FTPReply.ReplyCode</c> is the code as text, from
/// <c>FTPControlSocket.SendCommand</c>, <c>FTPConnection.InvokeFTPCommand</c>/<c>InvokeSiteCommand</c> and
/// <c>LastValidReply</c>; the calls of <c>FTPClient</c> and <c>FTPConnection</c> that send commands throw
/// <c>FTPException</c> on a negative reply, whose <c>ReplyCode</c> (declared on <c>FileTransferException</c>) is the
/// code as a number, -1 when there is none. A 421 arrives as <c>FTPConnectionClosedException</c>, without its code.
/// </summary>
internal sealed class EdtFtp : FtpLibrary
{
    private readonly INamedTypeSymbol? _reply;
    private readonly INamedTypeSymbol? _transferException;
    private readonly INamedTypeSymbol? _ftpException;
    private readonly INamedTypeSymbol? _connectionClosed;
    private readonly INamedTypeSymbol? _client;
    private readonly INamedTypeSymbol? _connection;
    private readonly INamedTypeSymbol? _clientInterface;
    private readonly INamedTypeSymbol? _controlSocket;

    public EdtFtp(Compilation compilation)
    {
        _reply = compilation.GetTypeByMetadataName("EnterpriseDT.Net.Ftp.FTPReply");
        _transferException = compilation.GetTypeByMetadataName("EnterpriseDT.Net.Ftp.FileTransferException");
        _ftpException = compilation.GetTypeByMetadataName("EnterpriseDT.Net.Ftp.FTPException");
        _connectionClosed = compilation.GetTypeByMetadataName("EnterpriseDT.Net.Ftp.FTPConnectionClosedException");
        _client = compilation.GetTypeByMetadataName("EnterpriseDT.Net.Ftp.FTPClient");
        _connection = compilation.GetTypeByMetadataName("EnterpriseDT.Net.Ftp.FTPConnection");
        _clientInterface = compilation.GetTypeByMetadataName("EnterpriseDT.Net.Ftp.IFileTransferClient");
        _controlSocket = compilation.GetTypeByMetadataName("EnterpriseDT.Net.Ftp.FTPControlSocket");
    }

    public override string Name => "edtFTPnet";

    public override bool IsPresent => _reply is not null || _ftpException is not null || _client is not null;

    public override bool MakesCompilationFtp => IsPresent;

    public override bool TryReadMember(ISymbol member, out ReplyValueKind? kind)
    {
        kind = null;
        var owner = member.ContainingType;
        if (InheritsFrom(owner, _reply))
        {
            kind = member.Name == "ReplyCode" ? ReplyValueKind.Text : null;
            return true;
        }

        if (InheritsFrom(owner, _transferException))
        {
            kind = member.Name == "ReplyCode" ? ReplyValueKind.Number : null;
            return true;
        }

        return false;
    }

    public override ITypeSymbol? NegativeReplyException(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var instance = OperationHelpers.StripConversions(invocation.Instance);
        if (instance?.Type is not { } type)
        {
            return null;
        }

        if (InheritsFrom(type, _controlSocket))
        {
            return method.Name == "ValidateReply" ? _ftpException : null;
        }

        if (!IsClient(type))
        {
            return null;
        }

        // Every call that sends a command validates its reply and throws, except these: they answer a question,
        // swallow the reply, or send nothing. InvokeFTPCommand validates only when it is given the codes to accept.
        return method.Name switch
        {
            "Exists" or "DirectoryExists" or "Close" or "QuitImmediately" or "KillControlChannel" or "CancelTransfer" or "CancelResume"
                or "Resume" or "ResumeTransfer" or "ResumeDownload" or "Restart" or "GetURL" or "LinkComponent" or "ToString" or "Dispose" => null,
            "InvokeFTPCommand" or "Quote" when !PassesAcceptedCodes(invocation) => null,
            _ => _ftpException,
        };
    }

    public override bool OwnsMethod(IMethodSymbol method)
        => method.ContainingType is { } owner && (IsClient(owner) || InheritsFrom(owner, _controlSocket))
           && !SymbolEqualityComparer.Default.Equals(method.ReturnType, _reply);

    public override (ImmutableArray<IOperation> Codes, bool FirstDigitOnly) AcceptedCodes(IInvocationOperation invocation)
    {
        // InvokeFTPCommand(cmd, params codes) and Quote(cmd, codes) of the clients, ValidateReply(reply, params codes) of
        // the control socket: unless StrictReturnCodes is set, only the first digit of a listed code is compared.
        var method = invocation.TargetMethod;
        var instance = OperationHelpers.StripConversions(invocation.Instance);
        var checks = method.Name switch
        {
            "InvokeFTPCommand" or "Quote" => instance?.Type is { } client && IsClient(client),
            "ValidateReply" => instance?.Type is { } socket && InheritsFrom(socket, _controlSocket),
            _ => false,
        };
        if (!checks)
        {
            return (ImmutableArray<IOperation>.Empty, false);
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == 1 && OperationHelpers.StripConversions(argument.Value) is IArrayCreationOperation { Initializer: { } listed }
                && !listed.ElementValues.IsEmpty && AllConstant(listed.ElementValues))
            {
                return (listed.ElementValues, true);
            }
        }

        return (ImmutableArray<IOperation>.Empty, false);
    }

    private static bool AllConstant(ImmutableArray<IOperation> values)
    {
        foreach (var value in values)
        {
            if (value.ConstantValue is not { HasValue: true, Value: string })
            {
                return false;
            }
        }

        return true;
    }

    public override int? CodeOfException(ITypeSymbol exceptionType) => InheritsFrom(exceptionType, _connectionClosed) ? 421 : null;

    public override bool CarriesReply(ITypeSymbol type) => InheritsFrom(type, _reply) || InheritsFrom(type, _transferException);

    public override string? CommandOf(IInvocationOperation invocation)
    {
        var instance = OperationHelpers.StripConversions(invocation.Instance);
        if (instance?.Type is not { } type || !IsClient(type))
        {
            return null;
        }

        return invocation.TargetMethod.Name switch
        {
            "Get" or "DownloadFile" or "DownloadStream" or "DownloadByteArray" => "RETR",
            "Put" or "UploadFile" or "UploadStream" or "UploadByteArray" => "STOR",
            "Delete" or "DeleteFile" => "DELE",
            "Rename" or "RenameFile" => "RNTO",
            "MkDir" or "CreateDirectory" => "MKD",
            "RmDir" or "DeleteDirectory" => "RMD",
            "ChDir" or "ChangeWorkingDirectory" => "CWD",
            "CdUp" or "ChangeWorkingDirectoryUp" => "CDUP",
            "Dir" or "GetFiles" => "NLST",
            "DirDetails" or "GetFileInfos" => "LIST",
            "Size" or "GetSize" => "SIZE",
            "ModTime" or "GetLastWriteTime" => "MDTM",
            "Pwd" or "GetWorkingDirectory" => "PWD",
            "Site" or "InvokeSiteCommand" => "SITE",
            "Features" or "GetFeatures" => "FEAT",
            "GetSystem" or "GetSystemType" => "SYST",
            "Help" or "GetCommandHelp" => "HELP",
            "NoOperation" => "NOOP",
            "User" or "SendUserName" => "USER",
            "Password" or "SendPassword" or "Login" => "PASS",
            "Account" or "SendAccountInfo" => "ACCT",
            "Quit" => "QUIT",
            _ => null,
        };
    }

    public override string? CaughtCategoryTest(ITypeSymbol? caughtType, string exceptionName, int digit, Func<ITypeSymbol?, bool> tryUses, Func<string, string> nameOf)
    {
        if (caughtType is null || _ftpException is null)
        {
            return null;
        }

        if (InheritsFrom(caughtType, _transferException))
        {
            return $"{exceptionName}.ReplyCode / 100 == {digit}";
        }

        // A catch of a base type around edtFTPnet calls receives their FTPException.
        return InheritsFrom(_ftpException, caughtType as INamedTypeSymbol) && (tryUses(_client) || tryUses(_connection))
            ? $"{exceptionName} is {nameOf(_ftpException.ToDisplayString())} {{ ReplyCode: >= {digit * 100} and < {(digit + 1) * 100} }}"
            : null;
    }

    private bool IsClient(ITypeSymbol type)
        => InheritsFrom(type, _client) || InheritsFrom(type, _connection)
           || (_clientInterface is not null && (Is(type, _clientInterface) || ImplementsInterface(type)));

    private bool ImplementsInterface(ITypeSymbol type)
    {
        foreach (var implemented in type.AllInterfaces)
        {
            if (Is(implemented, _clientInterface))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Quote(cmd, codes) and InvokeFTPCommand(cmd, codes...) validate the reply only when codes are given.</summary>
    private static bool PassesAcceptedCodes(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == 1)
            {
                var value = OperationHelpers.StripConversions(argument.Value);
                return value switch
                {
                    null => false,
                    { ConstantValue: { HasValue: true, Value: null } } => false,
                    IArrayCreationOperation { Initializer.ElementValues.Length: 0 } => false,
                    _ => true,
                };
            }
        }

        return false;
    }
}
