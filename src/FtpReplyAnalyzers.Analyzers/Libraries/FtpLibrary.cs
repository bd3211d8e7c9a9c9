using System;
using System.Collections.Immutable;
using FtpReplyAnalyzers.Catalog;
using FtpReplyAnalyzers.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpReplyAnalyzers.Libraries;

/// <summary>
/// What the analysis and the fixes ask of one FTP client library. Every place that names a library's API is a
/// subclass in this folder; the rest of the analyzer asks the questions through <see cref="FtpLibraries"/>.
/// A subclass has a public constructor taking the <see cref="Compilation"/>, resolves its types there, and says
/// with <see cref="IsPresent"/> whether the compilation uses the library. It is found by its type: adding a library
/// is adding its file.
/// </summary>
internal abstract class FtpLibrary
{
    /// <summary>The library's name, passed from the analyzer to the fixes in the <c>ReplyLibrary</c> property.</summary>
    public abstract string Name { get; }

    /// <summary>True when the compilation uses the library (its types resolve).</summary>
    public abstract bool IsPresent { get; }

    /// <summary>Where the library is asked among the others: lower first.</summary>
    public virtual int Order => 0;

    /// <summary>True when the library alone makes a compilation FTP code, whatever its files say.</summary>
    public virtual bool MakesCompilationFtp => false;

    // Replies held in values.

    /// <summary>How a value of <paramref name="type"/> holds a reply (an enum of codes, of categories), or null.</summary>
    public virtual ReplyValueKind? KindOfValueType(ITypeSymbol type) => null;

    /// <summary>True for a type whose values are never FTP replies, whatever they are named (HTTP status codes).</summary>
    public virtual bool IsNeverReply(ITypeSymbol type) => false;

    /// <summary>
    /// True when <paramref name="member"/> (a property or field read) belongs to one of the library's reply types;
    /// then <paramref name="kind"/> is how it holds the reply, or null when that member holds none.
    /// </summary>
    public virtual bool TryReadMember(ISymbol member, out ReplyValueKind? kind)
    {
        kind = null;
        return false;
    }

    /// <summary>
    /// True for a method of the library's own API that hands back no reply code (a reply's text, a path, a size):
    /// the value it returns is not taken for a code by its name.
    /// </summary>
    public virtual bool OwnsMethod(IMethodSymbol method) => false;

    /// <summary>An enum of the library whose members name reply codes (for FTPR0008's named member), or null.</summary>
    public virtual INamedTypeSymbol? CodeEnum => null;

    /// <summary>The member a misleadingly named code member was most likely meant to be (FTPR0006), or null.</summary>
    public virtual string? IntendedMember(IFieldSymbol member) => null;

    // Replies carried by exceptions and objects.

    /// <summary>True for an exception type that exists to carry a negative reply: a catch of it receives one.</summary>
    public virtual bool IsReplyException(ITypeSymbol type) => false;

    /// <summary>
    /// The codes <paramref name="reply"/> can hold where it is read in <paramref name="root"/> (the code block), when the
    /// library narrows them (a response FtpWebRequest returned holds no negative reply: it throws those), or null.
    /// </summary>
    public virtual ReplyCodeSet? PossibleCodes(ReplyExpression reply, IOperation root) => null;

    /// <summary>
    /// True when <paramref name="reply"/>, where it is read, still holds the first (preliminary) reply of
    /// <paramref name="command"/> rather than its final one: FtpWebRequest's GetResponse for a download or a listing
    /// returns on the 125 or 150, and the final reply comes once its stream is read or the response closed.
    /// </summary>
    public virtual bool HoldsFirstReply(ReplyExpression reply, string command) => false;

    /// <summary>The exception type a call throws when the server answers with a negative reply, or null when it throws none.</summary>
    public virtual ITypeSymbol? NegativeReplyException(IInvocationOperation invocation) => null;

    /// <summary>
    /// The operation of <paramref name="value"/> when comparing it with <paramref name="constant"/> tests whether a
    /// negative reply arrived (<c>ex.Status == WebExceptionStatus.ProtocolError</c>), or null.
    /// </summary>
    public virtual IOperation? NegativeReplyFlag(IOperation value, IOperation constant) => null;

    /// <summary>The one reply an exception type stands for (a connection-closed exception for 421), or null.</summary>
    public virtual int? CodeOfException(ITypeSymbol exceptionType) => null;

    /// <summary>
    /// The codes a call accepts, when it checks the reply of the command it sends against codes given as arguments
    /// and throws on any other (edtFTPnet's <c>InvokeFTPCommand(cmd, "250")</c>): the constant arguments that list them,
    /// and whether only their first digit is compared. Empty when the call checks no listed codes.
    /// </summary>
    public virtual (ImmutableArray<IOperation> Codes, bool FirstDigitOnly) AcceptedCodes(IInvocationOperation invocation) => (ImmutableArray<IOperation>.Empty, false);

    /// <summary>True for a type whose values carry a reply: reply objects, responses, requests, the exceptions above.</summary>
    public virtual bool CarriesReply(ITypeSymbol type) => false;

    // Commands.

    /// <summary>True for a property whose value is the command a request sends (<c>FtpWebRequest.Method</c>).</summary>
    public virtual bool IsCommandProperty(IPropertySymbol property) => false;

    /// <summary>The command a call of the library's own API sends (a client's Delete sends DELE), or null.</summary>
    public virtual string? CommandOf(IInvocationOperation invocation) => null;

    /// <summary>True for a call that aborts the transfer in progress (then a 426 is expected).</summary>
    public virtual bool AbortsTransfer(IInvocationOperation invocation) => false;

    /// <summary>True for a call that closes a response, taking the command as finished.</summary>
    public virtual bool ClosesResponse(IInvocationOperation invocation) => false;

    // How a fix writes tests, as C# text. Names of types go through nameOf, which adds the usings they need: a library
    // names a type only in the answer it gives.

    /// <summary>A test that <paramref name="replyText"/> (a reply of <paramref name="type"/>) is in category <paramref name="digit"/>, or null.</summary>
    public virtual string? CategoryTest(ReplyText reply, ITypeSymbol type, int digit, Func<string, string> nameOf) => null;

    /// <summary>
    /// A test that the exception named <paramref name="exceptionName"/>, caught as <paramref name="caughtType"/>,
    /// carries a reply of category <paramref name="digit"/>; <paramref name="tryUses"/> tells whether the try body
    /// uses a given type. Null when this library's exceptions are not what the catch receives.
    /// </summary>
    public virtual string? CaughtCategoryTest(ITypeSymbol? caughtType, string exceptionName, int digit, Func<ITypeSymbol?, bool> tryUses, Func<string, string> nameOf) => null;

    /// <summary>The code written as a constant of <paramref name="type"/> (a named member where one exists), or null.</summary>
    public virtual string? CodeConstant(ITypeSymbol type, int code, Func<string, string> nameOf) => null;

    /// <summary>
    /// Where a set of codes is tested instead of <paramref name="reply"/> when the reply is held as a category or a
    /// flag (a FluentFTP reply's Type or Success: its Code), with that member's type; null to test the reply itself.
    /// </summary>
    public virtual (string Text, ITypeSymbol Type)? CodeOf(ReplyText reply, ITypeSymbol type) => null;

    /// <summary>The first-digit classes of FluentFTP-like category enums: None, PositivePreliminary, ..., by digit.</summary>
    protected static readonly string[] CategoryMemberNames = { "None", "PositivePreliminary", "PositiveCompletion", "PositiveIntermediate", "TransientNegativeCompletion", "PermanentNegativeCompletion" };

    /// <summary>True when <paramref name="type"/> is <paramref name="baseType"/> or derives from it.</summary>
    protected static bool InheritsFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null || type is null || type.TypeKind != TypeKind.Class || type.SpecialType != SpecialType.None)
        {
            return false;
        }

        for (var t = type; t is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    protected static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected)
        => type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);
}

/// <summary>A reply expression as a fix sees it: its text, and the text and type of the object it is read from.</summary>
internal readonly struct ReplyText
{
    public ReplyText(string text, string? memberName, string? holderText, ITypeSymbol? holderType)
    {
        Text = text;
        MemberName = memberName;
        HolderText = holderText;
        HolderType = holderType;
    }

    /// <summary>The expression, ready to be written before an operator (parenthesized where needed).</summary>
    public string Text { get; }

    /// <summary>The member read (<c>Code</c> in <c>reply.Code</c>), when the expression is a member read.</summary>
    public string? MemberName { get; }

    /// <summary>The object the member is read from (<c>reply</c>), ready to be written before a dot.</summary>
    public string? HolderText { get; }

    public ITypeSymbol? HolderType { get; }
}
