using System;
using System.Globalization;
using FtpReplyAnalyzers.Catalog;
using FtpReplyAnalyzers.Operations;
using FtpReplyAnalyzers.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpReplyAnalyzers.Libraries;

/// <summary>
/// System.Net: <c>FtpWebRequest</c> and <c>FtpWebResponse</c>, whose replies are <c>FtpStatusCode</c> values and whose
/// negative replies arrive as <c>WebException</c> (its Response an FtpWebResponse) from GetResponse, GetRequestStream
/// and the response stream. <c>HttpStatusCode</c> is never an FTP reply.
/// </summary>
internal sealed class SystemNetFtp : FtpLibrary
{
    private readonly INamedTypeSymbol? _statusCode;
    private readonly INamedTypeSymbol? _request;
    private readonly INamedTypeSymbol? _response;
    private readonly INamedTypeSymbol? _webException;
    private readonly INamedTypeSymbol? _httpStatusCode;

    public SystemNetFtp(Compilation compilation)
    {
        _statusCode = compilation.GetTypeByMetadataName("System.Net.FtpStatusCode");
        _request = compilation.GetTypeByMetadataName("System.Net.FtpWebRequest");
        _response = compilation.GetTypeByMetadataName("System.Net.FtpWebResponse");
        _webException = compilation.GetTypeByMetadataName("System.Net.WebException");
        _httpStatusCode = compilation.GetTypeByMetadataName("System.Net.HttpStatusCode");
    }

    public override string Name => "System.Net";

    public override bool IsPresent => _statusCode is not null || _request is not null;

    public override ReplyValueKind? KindOfValueType(ITypeSymbol type)
        => type.TypeKind == TypeKind.Enum && Is(type, _statusCode) ? ReplyValueKind.StatusCode : null;

    public override bool IsNeverReply(ITypeSymbol type) => type.TypeKind == TypeKind.Enum && Is(type, _httpStatusCode);

    public override INamedTypeSymbol? CodeEnum => _statusCode;

    public override string? IntendedMember(IFieldSymbol member)
        => Is(member.ContainingType, _statusCode)
            ? member.Name switch
            {
                // Names that read like success but are negative replies.
                "CommandNotImplemented" => "CommandExtraneous",
                "ConnectionClosed" => "ClosingData",
                _ => null,
            }
            : null;

    public override ITypeSymbol? NegativeReplyException(IInvocationOperation invocation)
    {
        var instance = OperationHelpers.StripConversions(invocation.Instance);
        if (instance is null || !IsWebType(instance.Type))
        {
            return null;
        }

        var name = invocation.TargetMethod.Name;
        return name.StartsWith("GetResponse", StringComparison.Ordinal) || name.StartsWith("GetRequestStream", StringComparison.Ordinal)
               || name.StartsWith("EndGet", StringComparison.Ordinal) || name == "GetResponseStream"
            ? _webException
            : null;
    }

    /// <summary>
    /// FtpWebRequest throws WebException for every 4xx and 5xx reply (from GetResponse, GetRequestStream and the
    /// response stream): the StatusCode of a response it returned is a positive reply. A response read from the
    /// exception (<c>ex.Response</c>) may hold any.
    /// </summary>
    public override ReplyCodeSet? PossibleCodes(ReplyExpression reply, IOperation root)
        => reply.Kind == ReplyValueKind.StatusCode && OperationHelpers.StripConversions(reply.Receiver) is { } receiver && Is(receiver.Type, _response)
           && IsReturnedResponse(receiver, root, assignmentsFollowed: true)
            ? PositiveReplies
            : null;

    private static readonly ReplyCodeSet PositiveReplies = ReplyCodeSet.Range(100, 399);

    /// <summary>
    /// The response of a download or a listing (RETR, LIST, NLST: DownloadFile, ListDirectory, ListDirectoryDetails),
    /// held in a local that the block set from GetResponse, read before the block reads its stream or closes it: its
    /// StatusCode is still the 125 or 150 that opened the transfer.
    /// </summary>
    public override bool HoldsFirstReply(ReplyExpression reply, string command)
    {
        if (command is not ("RETR" or "LIST" or "NLST")
            || OperationHelpers.StripConversions(reply.Receiver ?? reply.Operation) is not ILocalReferenceOperation response || !Is(response.Type, _response))
        {
            return false;
        }

        var root = OperationHelpers.Root(reply.Operation);
        if (!IsReturnedResponse(response, root, assignmentsFollowed: true))
        {
            return false;
        }

        var read = (response.Local, Read: reply.Operation);
        return !OperationHelpers.AnyInTree(root, read, static (operation, read) =>
            operation is IInvocationOperation { TargetMethod.Name: "GetResponseStream" or "Close" or "Dispose" } invocation
            && OperationHelpers.StripConversions(invocation.Instance) is ILocalReferenceOperation instance
            && SymbolEqualityComparer.Default.Equals(instance.Local, read.Local)
            && invocation.Syntax.SpanStart < read.Read.Syntax.SpanStart
            && !LeavesBefore(invocation, read.Read));
    }

    /// <summary>
    /// True when <paramref name="call"/> sits in a block that ends in a return or throw before reaching
    /// <paramref name="read"/> (<c>if (dryRun) { response.Close(); return; }</c>): the read does not come after it.
    /// </summary>
    private static bool LeavesBefore(IOperation call, IOperation read)
    {
        for (var parent = call.Parent; parent is not null && !parent.Syntax.Span.Contains(read.Syntax.Span); parent = parent.Parent)
        {
            if (parent is IBlockOperation { Operations: { Length: > 0 } statements }
                && statements[statements.Length - 1] is IReturnOperation or IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation })
            {
                return true;
            }
        }

        return false;
    }

    private bool IsReturnedResponse(IOperation value, IOperation root, bool assignmentsFollowed)
    {
        switch (OperationHelpers.StripConversions(value))
        {
            case IAwaitOperation awaited:
                return IsReturnedResponse(awaited.Operation, root, assignmentsFollowed);
            case IInvocationOperation invocation:
                return invocation.TargetMethod.Name is "GetResponse" or "GetResponseAsync" or "EndGetResponse"
                       && NegativeReplyException(invocation) is not null;
            case ILocalReferenceOperation or IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } or IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation }
                when assignmentsFollowed && OperationHelpers.VariableOf(value) is { } variable:
                // Every value the block gives the variable is a response FtpWebRequest returned.
                var found = false;
                foreach (var operation in root.Descendants())
                {
                    var assigned = operation switch
                    {
                        ISimpleAssignmentOperation assignment when SymbolEqualityComparer.Default.Equals(OperationHelpers.VariableOf(assignment.Target), variable) => assignment.Value,
                        IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, variable) => declarator.Initializer?.Value,
                        _ => null,
                    };
                    if (assigned is null)
                    {
                        continue;
                    }

                    if (!IsReturnedResponse(assigned, root, assignmentsFollowed: false))
                    {
                        return false;
                    }

                    found = true;
                }

                return found;
            default:
                return false;
        }
    }

    public override IOperation? NegativeReplyFlag(IOperation value, IOperation constant)
        => value is IPropertyReferenceOperation { Property.Name: "Status", Instance: { } instance } && InheritsFrom(instance.Type, _webException)
           && constant is IFieldReferenceOperation { Field.Name: "ProtocolError" }
            ? value
            : null;

    public override bool CarriesReply(ITypeSymbol type) => IsWebType(type) || InheritsFrom(type, _webException);

    public override bool IsCommandProperty(IPropertySymbol property)
        => property.Name == "Method" && property.ContainingType is { Name: "FtpWebRequest" or "WebRequest" } owner && owner.ContainingNamespace?.ToDisplayString() == "System.Net";

    public override bool AbortsTransfer(IInvocationOperation invocation)
        => invocation.TargetMethod.Name == "Abort" && invocation.Instance is { } instance && IsWebType(instance.Type);

    public override bool ClosesResponse(IInvocationOperation invocation)
        => invocation.TargetMethod.Name is "Close" or "Dispose" && invocation.Instance is { } closed && Is(OperationHelpers.StripConversions(closed)?.Type, _response);

    public override string? CategoryTest(ReplyText reply, ITypeSymbol type, int digit, Func<string, string> nameOf)
        => type.TypeKind == TypeKind.Enum && Is(type, _statusCode) ? $"(int){reply.Text} / 100 == {digit}" : null;

    public override string? CaughtCategoryTest(ITypeSymbol? caughtType, string exceptionName, int digit, Func<ITypeSymbol?, bool> tryUses, Func<string, string> nameOf)
    {
        string Pattern()
        {
            var status = nameOf("System.Net.FtpStatusCode");
            var low = digit * 100;
            return $"{{ StatusCode: >= ({status}){low} and < ({status}){low + 100} }}";
        }

        if (Is(caughtType, _webException))
        {
            return $"{exceptionName}.Response is {nameOf("System.Net.FtpWebResponse")} {Pattern()}";
        }

        // A catch of a base type around FtpWebRequest calls receives their WebException.
        return caughtType is not null && InheritsFrom(_webException, caughtType as INamedTypeSymbol) && (tryUses(_request) || tryUses(_response))
            ? $"{exceptionName} is {nameOf("System.Net.WebException")} {{ Response: {nameOf("System.Net.FtpWebResponse")} {Pattern()} }}"
            : null;
    }

    public override string? CodeConstant(ITypeSymbol type, int code, Func<string, string> nameOf)
    {
        if (!Is(type, _statusCode))
        {
            return null;
        }

        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field && Convert.ToInt32(field.ConstantValue, CultureInfo.InvariantCulture) == code)
            {
                return nameOf("System.Net.FtpStatusCode") + "." + field.Name;
            }
        }

        return "(" + nameOf("System.Net.FtpStatusCode") + ")" + code.ToString(CultureInfo.InvariantCulture);
    }

    private bool IsWebType(ITypeSymbol? type) => Is(type, _request) || Is(type, _response);
}
