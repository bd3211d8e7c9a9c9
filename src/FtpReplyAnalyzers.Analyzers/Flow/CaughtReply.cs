using FtpReplyAnalyzers.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpReplyAnalyzers.Flow;

/// <summary>Decides whether a catch clause receives the negative replies of an FTP call.</summary>
internal static class CaughtReply
{
    /// <summary>
    /// The reply a catch clause receives: a <c>WebException</c> around FtpWebRequest calls, FluentFTP's
    /// <c>FtpCommandException</c>/<c>FtpException</c>, or a catch-all around calls that throw on negative replies.
    /// </summary>
    public static ReplyExpression? Of(ICatchClauseOperation catchClause, FtpKnownTypes types)
    {
        if (catchClause.Parent is not ITryOperation tryOperation)
        {
            return null;
        }

        var caughtType = catchClause.ExceptionType;
        var receiver = catchClause.ExceptionDeclarationOrExpression;
        if (types.IsFluentException(caughtType))
        {
            return new ReplyExpression(ReplyValueKind.StatusCode, catchClause, receiver);
        }

        var isWeb = types.IsWebException(caughtType);
        var isAll = caughtType is null || caughtType.SpecialType == SpecialType.System_Object
                    || SymbolEqualityComparer.Default.Equals(caughtType, types.Exception);
        if (!isWeb && !isAll)
        {
            return null;
        }

        foreach (var operation in tryOperation.Body.Descendants())
        {
            if (operation is IInvocationOperation invocation && ThrowsOnNegativeReply(invocation, types, includeFluent: isAll))
            {
                return new ReplyExpression(ReplyValueKind.StatusCode, catchClause, receiver);
            }
        }

        return null;
    }

    /// <summary>FtpWebRequest.GetResponse/GetRequestStream (and their async forms), reading an FTP response, FluentFTP's high-level calls.</summary>
    public static bool ThrowsOnNegativeReply(IInvocationOperation invocation, FtpKnownTypes types, bool includeFluent)
    {
        var instance = ReplyRecognizer.StripConversions(invocation.Instance);
        var name = invocation.TargetMethod.Name;
        if (instance is not null && types.IsFtpWebType(instance.Type))
        {
            return name.StartsWith("GetResponse", System.StringComparison.Ordinal) || name.StartsWith("GetRequestStream", System.StringComparison.Ordinal)
                   || name.StartsWith("EndGet", System.StringComparison.Ordinal) || name == "GetResponseStream";
        }

        return includeFluent && instance is not null && types.IsFluentClient(instance.Type) && !name.StartsWith("Execute", System.StringComparison.Ordinal);
    }
}
