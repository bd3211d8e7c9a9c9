using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace FtpReplyAnalyzers.CodeFixes.Infrastructure;

/// <summary>How a give-up becomes a bounded retry.</summary>
internal enum RetryShape
{
    /// <summary>Inside a loop: retry by continuing it, with a counter and a delay.</summary>
    InLoop,

    /// <summary>Outside a loop: wrap the operation and its reply handling in a bounded retry loop.</summary>
    Wrap,
}

/// <summary>What the check found for a retry rewrite: the targets, the loop to continue or the statements to wrap, and the 4xx test.</summary>
internal sealed class RetryPlan
{
    internal RetryPlan(SyntaxNode root, SemanticModel model, StatementSyntax giveUp, SyntaxNode replyNode, SyntaxNode function, TypeNamer names,
        ExpressionSyntax? transientTest, CatchClauseSyntax? renamedCatch, StatementSyntax? loop, RetryRewriter.WrapRegion? region,
        IReadOnlyList<RetryRewriter.StreamReset> streams, string? token, RetryRewriter.CauseArgument? cause, CatchClauseSyntax? resetCatchAfter)
    {
        ResetCatchAfter = resetCatchAfter;
        Streams = streams;
        Token = token;
        Cause = cause;
        Root = root;
        Model = model;
        GiveUp = giveUp;
        ReplyNode = replyNode;
        Function = function;
        Names = names;
        TransientTest = transientTest;
        RenamedCatch = renamedCatch;
        Loop = loop;
        Region = region;
    }

    /// <summary>In a retry loop a previous fix wrote, the retry continues it; elsewhere it wraps the operation.</summary>
    public RetryShape Shape => Loop is not null ? RetryShape.InLoop : RetryShape.Wrap;

    internal SyntaxNode Root { get; }

    internal SemanticModel Model { get; }

    internal StatementSyntax GiveUp { get; }

    internal SyntaxNode ReplyNode { get; }

    internal SyntaxNode Function { get; }

    internal TypeNamer Names { get; }

    internal ExpressionSyntax? TransientTest { get; }

    internal CatchClauseSyntax? RenamedCatch { get; }

    internal StatementSyntax? Loop { get; }

    internal RetryRewriter.WrapRegion? Region { get; }

    /// <summary>The streams declared before the retried region that it reads or writes: set back before each new attempt.</summary>
    internal IReadOnlyList<RetryRewriter.StreamReset> Streams { get; }

    /// <summary>The cancellation token in scope that every delay waits on, or null.</summary>
    internal string? Token { get; }

    /// <summary>The caught exception to add as the inner exception of the one the give-up throws, or null.</summary>
    internal RetryRewriter.CauseArgument? Cause { get; }

    /// <summary>
    /// The catch of the WebException after which a catch of the transfer's reset data connection goes (FtpWebRequest
    /// throws that as an IOException around a SocketException, not as a 426), or null.
    /// </summary>
    internal CatchClauseSyntax? ResetCatchAfter { get; }
}

/// <summary>
/// Turns a statement that gives up on a transient reply into a bounded retry with exponential backoff,
/// keeping the give-up for when the retries are used up (and for the 5xx replies when the test lumps them in).
/// </summary>
internal static class RetryRewriter
{
    private const string CounterName = "transientRetries";
    private const string AttemptName = "attempt";

    /// <summary>
    /// The check: the rewrite that applies to <paramref name="giveUp"/> and what it needs (the statements to wrap, or the
    /// retry loop a previous fix wrote; the 4xx test when the give-up also handles 5xx; the streams to set back; the
    /// token; the cause to keep), or null when no rewrite applies or when the retried code could not recover correctly.
    /// Every condition under which the rewrite could not be written is decided here:
    /// <see cref="Rewrite(RetryPlan, RetrySettings, CancellationToken)"/> always writes the retry.
    /// </summary>
    public static RetryPlan? Plan(SyntaxNode root, SemanticModel model, StatementSyntax giveUp, SyntaxNode replyNode, bool split)
    {
        if (!CanHoldStatements(giveUp) || IsInFinally(giveUp) || Function(giveUp) is not { } function)
        {
            return null;
        }

        if (IsInLockWhileAsync(giveUp))
        {
            return null;
        }

        // A reply read in another member (a helper property such as IsSuccess) cannot be tested again here.
        if (replyNode.FirstAncestorOrSelf<MemberDeclarationSyntax>() != giveUp.FirstAncestorOrSelf<MemberDeclarationSyntax>())
        {
            return null;
        }

        // A status read from the response GetResponse returned never holds a 4xx: FtpWebRequest throws first.
        if (IsStatusAfterGetResponse(replyNode, model))
        {
            return null;
        }

        // Inside a retry loop a previous fix wrote, the give-up continues it; anywhere else (an item loop too: each item
        // gets its own attempts) the operation is wrapped in a new retry loop.
        var loop = AttemptLoop(giveUp);
        var region = loop is null ? Region(giveUp, replyNode, model) : null;
        if (loop is null && region is null)
        {
            return null;
        }

        var retried = region?.Statements ?? (IReadOnlyList<StatementSyntax>)StatementsOf(((ForStatementSyntax)loop!).Statement).ToList();
        if (!RepeatsTheWholeOperation(retried, model))
        {
            return null;
        }

        if (StreamsToReset(retried, model) is not { } streams || (loop is not null && streams.Count > 0))
        {
            return null;
        }

        // A caught exception without a name needs one for the 4xx test. The test is written here, because writing
        // it is how the reply is known to be re-readable and of a type the test can be written for.
        var names = new TypeNamer(model, giveUp.SpanStart);
        ExpressionSyntax? transientTest = null;
        CatchClauseSyntax? renamedCatch = null;
        if (split)
        {
            transientTest = TransientTest(replyNode, model, names, giveUp, out renamedCatch);
            if (transientTest is null)
            {
                return null;
            }
        }

        var cause = Cause(giveUp, replyNode, ref renamedCatch, model);
        var resetCatch = region is null ? null : ResetCatch(region, replyNode, model);
        return new RetryPlan(root, model, giveUp, replyNode, function, names, transientTest, renamedCatch, loop, region, streams, Token(function, giveUp, model), cause, resetCatch);
    }

    /// <summary>The document root with the rewrite applied, or null when it does not apply.</summary>
    public static SyntaxNode? Rewrite(SyntaxNode root, SemanticModel model, StatementSyntax giveUp, SyntaxNode replyNode, bool split, RetrySettings settings, CancellationToken cancellationToken)
        => Plan(root, model, giveUp, replyNode, split) is { } plan ? Rewrite(plan, settings, cancellationToken) : null;

    /// <summary>The document root with the planned retry written.</summary>
    public static SyntaxNode Rewrite(RetryPlan plan, RetrySettings settings, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (root, model, giveUp, replyNode) = (plan.Root, plan.Model, plan.GiveUp, plan.ReplyNode);
        var names = plan.Names.Copy();
        var eol = EndOfLine(root);
        var isAsync = IsAsync(plan.Function);
        var transientTest = plan.TransientTest;
        var renamedCatch = plan.RenamedCatch;
        var firstStatement = plan.Region?.Statements[0] ?? plan.Loop!;
        var starts = plan.Streams.Select(s => UniqueName(model, firstStatement.SpanStart, StartName(s.Symbol.Name))).ToList();

        string attempt;
        if (plan.Loop is ForStatementSyntax attemptLoop)
        {
            attempt = attemptLoop.Declaration!.Variables[0].Identifier.ValueText;
        }
        else
        {
            attempt = UniqueName(model, firstStatement.SpanStart, AttemptName);
        }

        ExpressionSyntax bound = SyntaxFactory.ParseExpression($"{attempt} < {settings.MaxRetries}");
        for (var i = 0; i < plan.Streams.Count; i++)
        {
            bound = SyntaxFactory.BinaryExpression(SyntaxKind.LogicalAndExpression, bound, SyntaxFactory.ParseExpression($"{plan.Streams[i].Text}.CanSeek"));
        }

        var resets = new List<StatementSyntax>();
        for (var i = 0; i < plan.Streams.Count; i++)
        {
            resets.Add(SyntaxFactory.ParseStatement($"{plan.Streams[i].Text}.Position = {starts[i]};"));
            if (plan.Streams[i].Truncate)
            {
                resets.Add(SyntaxFactory.ParseStatement($"{plan.Streams[i].Text}.SetLength({starts[i]});"));
            }
        }

        var guard = Guard(eol, transientTest, bound, resets, Delay(names, isAsync, plan.Token, settings, attempt));
        var trackedNodes = new List<SyntaxNode> { giveUp, replyNode };
        if (plan.Region is { } wrapped)
        {
            trackedNodes.AddRange(wrapped.Statements);
        }

        if (plan.Cause is { } causeArgument)
        {
            trackedNodes.Add(causeArgument.Creation);
        }

        if (plan.ResetCatchAfter is { } resetAfter)
        {
            trackedNodes.Add(resetAfter);
        }

        var anchor = GuardAnchor(giveUp);
        trackedNodes.Add(anchor);
        var tracked = root.TrackNodes(trackedNodes.Distinct());
        if (plan.Cause is { } cause)
        {
            var creation = tracked.GetCurrentNode(cause.Creation)!;
            var withCause = creation.WithArgumentList(creation.ArgumentList!.AddArguments(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(cause.ExceptionName))));
            tracked = tracked.ReplaceNode(creation, withCause);
        }

        tracked = InsertBefore(tracked, tracked.GetCurrentNode(anchor)!, guard);
        if (plan.ResetCatchAfter is { } after)
        {
            var name = UniqueName(model, giveUp.SpanStart, "reset");
            tracked = tracked.InsertNodesAfter(tracked.GetCurrentNode(after)!, new[] { ResetCatchClause(eol, names, name, bound, resets, Delay(names, isAsync, plan.Token, settings, attempt)) });
        }

        if (renamedCatch is not null)
        {
            tracked = tracked.ReplaceNode(tracked.GetCurrentNode(replyNode)!, RenameCatch((CatchClauseSyntax)tracked.GetCurrentNode(replyNode)!, renamedCatch));
        }

        if (plan.Region is not { } region)
        {
            return names.AddUsings(tracked);
        }

        // The region as it stands now, from its first to its last statement: a guard inserted in it is part of it.
        var firstCurrent = tracked.GetCurrentNode(region.Statements[0])!;
        var lastCurrent = tracked.GetCurrentNode(region.Statements[region.Statements.Count - 1])!;
        var containerStatements = StatementsOf(firstCurrent.Parent!);
        var currentStatements = containerStatements.Skip(containerStatements.IndexOf(firstCurrent))
            .Take(containerStatements.IndexOf(lastCurrent) - containerStatements.IndexOf(firstCurrent) + 1).ToList();
        var body = new List<StatementSyntax>(currentStatements.Select(s => s.WithoutTrivia().WithLeadingTrivia(s.GetLeadingTrivia().Where(t => !t.IsKind(SyntaxKind.WhitespaceTrivia))).WithTrailingTrivia(s.GetTrailingTrivia())));
        if (region.EndReachable)
        {
            body.Add(SyntaxFactory.BreakStatement());
        }

        // The first statement's comments stay in front of the loop.
        var first = currentStatements[0];
        body[0] = body[0].WithLeadingTrivia(SyntaxTriviaList.Empty);
        var loopStatement = SyntaxFactory.ForStatement(
                SyntaxFactory.VariableDeclaration(SyntaxFactory.IdentifierName("var"))
                    .AddVariables(SyntaxFactory.VariableDeclarator(attempt).WithInitializer(SyntaxFactory.EqualsValueClause(SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(0))))),
                default,
                null,
                SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(SyntaxFactory.PostfixUnaryExpression(SyntaxKind.PostIncrementExpression, SyntaxFactory.IdentifierName(attempt))),
                SyntaxFactory.Block(body).WithAdditionalAnnotations(Formatter.Annotation))
            .WithTrailingTrivia(currentStatements[currentStatements.Count - 1].GetTrailingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);

        // Where each stream stood before the first attempt, so that a new attempt starts from there.
        var before = new List<StatementSyntax>();
        for (var i = 0; i < plan.Streams.Count; i++)
        {
            before.Add(SyntaxFactory.ParseStatement($"var {starts[i]} = {plan.Streams[i].Text}.CanSeek ? {plan.Streams[i].Text}.Position : 0;").WithTrailingTrivia(eol).WithAdditionalAnnotations(Formatter.Annotation));
        }

        before.Add(loopStatement);
        before[0] = before[0].WithLeadingTrivia(first.GetLeadingTrivia());
        for (var i = 1; i < before.Count; i++)
        {
            before[i] = before[i].WithLeadingTrivia(LeadingWhitespace(first));
        }

        var currentBlock = first.Parent!;
        var statements = StatementsOf(currentBlock);
        var startIndex = statements.IndexOf(first);
        var newStatements = statements.Take(startIndex).Concat(before).Concat(statements.Skip(startIndex + currentStatements.Count));
        return names.AddUsings(tracked.ReplaceNode(currentBlock, WithStatements(currentBlock, SyntaxFactory.List(newStatements))));
    }

    /// <summary>
    /// Where the retry's guard goes: before the give-up, and before the log lines just before it ("download failed"),
    /// which are then written once, when the code gives up, not on every retried attempt.
    /// </summary>
    private static StatementSyntax GuardAnchor(StatementSyntax giveUp)
    {
        if (giveUp.Parent is not BlockSyntax block)
        {
            return giveUp;
        }

        var anchor = giveUp;
        for (var i = block.Statements.IndexOf(giveUp) - 1; i >= 0 && IsLogLine(block.Statements[i]); i--)
        {
            anchor = block.Statements[i];
        }

        return anchor;
    }

    private static bool IsLogLine(StatementSyntax statement)
    {
        if (statement is not ExpressionStatementSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } } })
        {
            return false;
        }

        foreach (var prefix in new[] { "Write", "Log", "Trace", "Debug", "Info", "Warn" })
        {
            if (name.StartsWith(prefix, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string StartName(string name)
    {
        var trimmed = name.TrimStart('_');
        return (trimmed.Length == 0 ? "stream" : trimmed) + "Start";
    }

    /// <summary>A stream the retried region reads or writes and did not create: set back to where it stood before each new attempt.</summary>
    internal sealed class StreamReset
    {
        public StreamReset(ISymbol symbol, string text, bool truncate)
        {
            Symbol = symbol;
            Text = text;
            Truncate = truncate;
        }

        public ISymbol Symbol { get; }

        /// <summary>How the code names it (<c>destination</c>, <c>this.output</c>).</summary>
        public string Text { get; }

        /// <summary>Written to: what the failed attempt wrote is cut off too.</summary>
        public bool Truncate { get; }
    }

    /// <summary>The exception a catch caught, to be added as the inner exception of the new one the give-up throws.</summary>
    internal sealed class CauseArgument
    {
        public CauseArgument(BaseObjectCreationExpressionSyntax creation, string exceptionName)
        {
            Creation = creation;
            ExceptionName = exceptionName;
        }

        public BaseObjectCreationExpressionSyntax Creation { get; }

        public string ExceptionName { get; }
    }

    /// <summary>
    /// The retry loop a previous retry fix wrote around the give-up (<c>for (var attempt = 0; ; attempt++)</c>), which a
    /// second give-up of the same operation continues with the same attempt count.
    /// </summary>
    private static StatementSyntax? AttemptLoop(SyntaxNode node)
    {
        for (var n = node.Parent; n is not null && !IsFunction(n); n = n.Parent)
        {
            if (n is ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax or ForEachStatementSyntax)
            {
                return ReusableCounter((StatementSyntax)n) is { Kind: CounterKind.Attempt } && n is ForStatementSyntax { Statement: BlockSyntax } ? (StatementSyntax)n : null;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a status test reads the status of the response <c>GetResponse</c> returned (outside a catch of the
    /// exception that carries one): <c>FtpWebRequest</c> throws <c>WebException</c> for every 4xx and 5xx, so the test
    /// never sees one and a retry written there would never run.
    /// </summary>
    private static bool IsStatusAfterGetResponse(SyntaxNode replyNode, SemanticModel model)
    {
        if (replyNode is not ExpressionSyntax reply || reply.Ancestors().TakeWhile(n => !IsFunction(n)).Any(n => n is CatchClauseSyntax))
        {
            return false;
        }

        var readsStatus = false;
        foreach (var node in WithInitializers(reply, model))
        {
            foreach (var access in node.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>())
            {
                var symbol = model.GetSymbolInfo(access).Symbol;
                if (symbol is IPropertySymbol { Name: "Response", ContainingType: { } holder } && DerivesFrom(holder, "System.Net.WebException"))
                {
                    return false;
                }

                if (symbol is IPropertySymbol { Name: "StatusCode" or "StatusDescription", ContainingType: { } type } && type.ToDisplayString() == "System.Net.FtpWebResponse")
                {
                    readsStatus = true;
                }
            }
        }

        return readsStatus;
    }

    /// <summary>The expression and the initializers of the locals it reads, one local to the next.</summary>
    private static IEnumerable<SyntaxNode> WithInitializers(ExpressionSyntax expression, SemanticModel model)
    {
        var pending = new Stack<SyntaxNode>();
        pending.Push(expression);
        var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        while (pending.Count > 0 && seen.Count < 8)
        {
            var node = pending.Pop();
            yield return node;
            foreach (var id in node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            {
                if (model.GetSymbolInfo(id).Symbol is ILocalSymbol local && seen.Add(local)
                    && local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is VariableDeclaratorSyntax { Initializer: { } initializer })
                {
                    pending.Push(initializer.Value);
                }
            }
        }
    }

    private static bool DerivesFrom(ITypeSymbol? type, string fullName)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.ToDisplayString() == fullName)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] TransferCommands = { "RETR", "STOR", "STOU", "APPE", "LIST", "NLST", "MLSD" };
    private static readonly string[] DataConnectionCommands = { "PASV", "EPSV", "PORT", "EPRT", "LPSV", "LPRT" };

    /// <summary>
    /// Whether running the region again performs the whole operation again. FtpWebRequest: the request is created in it
    /// (a request already sent rethrows its first failure without touching the network). FluentFTP and edtFTPnet: their
    /// calls send the command and read the reply. A hand-written client: the command is sent in the region, and for a
    /// transfer the data connection (PASV, EPSV, PORT) is opened there too.
    /// </summary>
    private static bool RepeatsTheWholeOperation(IReadOnlyList<StatementSyntax> region, SemanticModel model)
    {
        var span = Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(region[0].SpanStart, region[region.Count - 1].Span.End);
        var library = false;
        var verbs = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var node in region.SelectMany(s => s.DescendantNodesAndSelf()))
        {
            switch (node)
            {
                case IdentifierNameSyntax id when model.GetSymbolInfo(id).Symbol is ILocalSymbol or IParameterSymbol or IFieldSymbol or IPropertySymbol:
                    var symbol = model.GetSymbolInfo(id).Symbol!;
                    if (DerivesFrom(TypeOf(symbol), "System.Net.WebRequest") && !DeclaredIn(symbol, span))
                    {
                        // A request made before the region would be sent again as it is.
                        return false;
                    }

                    break;
                case InvocationExpressionSyntax invocation when model.GetSymbolInfo(invocation).Symbol is IMethodSymbol method:
                    var space = method.ContainingNamespace?.ToDisplayString() ?? string.Empty;
                    if (space.StartsWith("FluentFTP", System.StringComparison.Ordinal) || space.StartsWith("EnterpriseDT", System.StringComparison.Ordinal)
                        || (method.Name == "Create" && DerivesFrom(method.ContainingType, "System.Net.WebRequest")))
                    {
                        library = true;
                    }

                    break;
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    AddVerb(verbs, literal.Token.ValueText);
                    break;
                case InterpolatedStringTextSyntax text when text.Parent is InterpolatedStringExpressionSyntax whole && whole.Contents.FirstOrDefault() == text:
                    AddVerb(verbs, text.TextToken.ValueText);
                    break;
            }
        }

        if (library)
        {
            return true;
        }

        return verbs.Count > 0 && (!verbs.Overlaps(TransferCommands) || verbs.Overlaps(DataConnectionCommands));
    }

    private static void AddVerb(HashSet<string> verbs, string text)
    {
        var length = 0;
        while (length < text.Length && length < 5 && text[length] is >= 'A' and <= 'Z')
        {
            length++;
        }

        if (length is 3 or 4 && (length == text.Length || text[length] is ' ' or '\r' or '\n'))
        {
            verbs.Add(text.Substring(0, length));
        }
    }

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        _ => null,
    };

    private static bool DeclaredIn(ISymbol symbol, Microsoft.CodeAnalysis.Text.TextSpan span)
        => symbol is ILocalSymbol && symbol.DeclaringSyntaxReferences.Any(r => span.Contains(r.Span));

    /// <summary>
    /// The streams the region reads or writes and that were there before it (a caller's stream, a file opened before):
    /// each new attempt must start from where the first one did. Null when such a stream is used in a way that does not
    /// tell whether it is read or written (handed to another method): the fix is not offered.
    /// </summary>
    private static List<StreamReset>? StreamsToReset(IReadOnlyList<StatementSyntax> region, SemanticModel model)
    {
        var span = Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(region[0].SpanStart, region[region.Count - 1].Span.End);
        var found = new List<StreamReset>();
        foreach (var id in region.SelectMany(s => s.DescendantNodesAndSelf()).OfType<IdentifierNameSyntax>())
        {
            if (model.GetSymbolInfo(id).Symbol is not { } symbol || symbol is not (ILocalSymbol or IParameterSymbol or IFieldSymbol or IPropertySymbol)
                || !DerivesFrom(TypeOf(symbol), "System.IO.Stream") || DeclaredIn(symbol, span))
            {
                continue;
            }

            ExpressionSyntax expression = id.Parent is MemberAccessExpressionSyntax { Name: var name } holder && name == id ? holder : id;
            bool written;
            switch (expression.Parent)
            {
                case MemberAccessExpressionSyntax access when access.Expression == expression:
                    var member = access.Name.Identifier.ValueText;
                    if (member.StartsWith("Write", System.StringComparison.Ordinal) || member.StartsWith("Flush", System.StringComparison.Ordinal))
                    {
                        written = true;
                    }
                    else if (member.StartsWith("Read", System.StringComparison.Ordinal) || member.StartsWith("CopyTo", System.StringComparison.Ordinal)
                             || member is "Position" or "Length" or "CanSeek" or "CanRead" or "CanWrite" or "Seek")
                    {
                        written = false;
                    }
                    else
                    {
                        return null;
                    }

                    break;
                case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax call } } }
                    when call.Name.Identifier.ValueText.StartsWith("CopyTo", System.StringComparison.Ordinal):
                    written = true;
                    break;
                case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: ObjectCreationExpressionSyntax creation } }
                    when model.GetTypeInfo(creation).Type is { } created:
                    if (DerivesFrom(created, "System.IO.TextWriter") || DerivesFrom(created, "System.IO.BinaryWriter"))
                    {
                        written = true;
                    }
                    else if (DerivesFrom(created, "System.IO.TextReader") || DerivesFrom(created, "System.IO.BinaryReader"))
                    {
                        written = false;
                    }
                    else
                    {
                        return null;
                    }

                    break;
                default:
                    return null;
            }

            var index = found.FindIndex(f => SymbolEqualityComparer.Default.Equals(f.Symbol, symbol));
            if (index < 0)
            {
                found.Add(new StreamReset(symbol, expression.ToString(), written));
            }
            else if (written && !found[index].Truncate)
            {
                found[index] = new StreamReset(symbol, found[index].Text, truncate: true);
            }
        }

        return found;
    }

    /// <summary>
    /// The token in scope that the delays wait on: a parameter of the method, or a local, field or property of type
    /// <c>CancellationToken</c> visible at the give-up.
    /// </summary>
    private static string? Token(SyntaxNode function, StatementSyntax giveUp, SemanticModel model)
    {
        var parameters = function switch
        {
            BaseMethodDeclarationSyntax method => method.ParameterList.Parameters,
            LocalFunctionStatementSyntax local => local.ParameterList.Parameters,
            ParenthesizedLambdaExpressionSyntax lambda => lambda.ParameterList.Parameters,
            _ => default,
        };
        foreach (var parameter in parameters)
        {
            if (model.GetDeclaredSymbol(parameter) is { Type: { } type } symbol && type.ToDisplayString() == "System.Threading.CancellationToken")
            {
                return symbol.Name;
            }
        }

        var isStatic = model.GetEnclosingSymbol(giveUp.SpanStart) is { IsStatic: true };
        foreach (var symbol in model.LookupSymbols(giveUp.SpanStart))
        {
            if (symbol is ILocalSymbol or IParameterSymbol or IFieldSymbol or IPropertySymbol && TypeOf(symbol)?.ToDisplayString() == "System.Threading.CancellationToken"
                && (symbol is ILocalSymbol or IParameterSymbol || symbol.IsStatic || !isStatic))
            {
                return symbol.Name;
            }
        }

        return null;
    }

    /// <summary>
    /// A give-up that throws a new exception from inside a catch: the caught exception becomes its inner exception, when
    /// the thrown type has a constructor that takes the same parameters (the same types, under the same names: the string
    /// of <c>ArgumentNullException(paramName)</c> is not the message of its <c>(message, innerException)</c>) and then the
    /// caught exception. A catch that does not name its exception gets a name for it (<paramref name="renamedCatch"/>).
    /// Null when the type has no such constructor: the throw then stays as written, the type being what callers catch.
    /// </summary>
    private static CauseArgument? Cause(StatementSyntax giveUp, SyntaxNode replyNode, ref CatchClauseSyntax? renamedCatch, SemanticModel model)
    {
        if (giveUp is not ThrowStatementSyntax { Expression: BaseObjectCreationExpressionSyntax { ArgumentList: { } arguments } creation }
            || giveUp.Ancestors().TakeWhile(n => !IsFunction(n)).OfType<CatchClauseSyntax>().FirstOrDefault() is not { Declaration: { } declaration } catchClause
            || model.GetSymbolInfo(creation).Symbol is not IMethodSymbol constructor
            || model.GetTypeInfo(declaration.Type).Type is not { } caught)
        {
            return null;
        }

        var parameters = constructor.Parameters;
        if (parameters.Length != arguments.Arguments.Count || arguments.Arguments.Any(a => a.NameColon is not null))
        {
            return null;
        }

        var takesCause = constructor.ContainingType.InstanceConstructors.Any(candidate =>
            candidate.DeclaredAccessibility == Accessibility.Public && candidate.Parameters.Length == parameters.Length + 1
            && DerivesFrom(caught, candidate.Parameters[parameters.Length].Type.WithNullableAnnotation(NullableAnnotation.None).ToDisplayString())
            && candidate.Parameters.Take(parameters.Length).Zip(parameters, (c, p) => c.Name == p.Name && SymbolEqualityComparer.Default.Equals(c.Type, p.Type)).All(same => same));
        if (!takesCause)
        {
            return null;
        }

        if (catchClause == replyNode && renamedCatch is not null)
        {
            return new CauseArgument(creation, renamedCatch.Declaration!.Identifier.ValueText);
        }

        if (!declaration.Identifier.IsKind(SyntaxKind.None) && declaration.Identifier.ValueText.Length > 0)
        {
            return new CauseArgument(creation, declaration.Identifier.ValueText);
        }

        // catch (WebException) becomes catch (WebException ex): the one catch that can be renamed is the reply's.
        if (catchClause != replyNode)
        {
            return null;
        }

        var name = UniqueName(model, giveUp.SpanStart, "ex");
        renamedCatch = catchClause.WithDeclaration(declaration.WithIdentifier(SyntaxFactory.Identifier(name)));
        return new CauseArgument(creation, name);
    }

    /// <summary>
    /// Where a catch of the reset data connection goes: after the catch of the reply, when that catch's try transfers data
    /// through FtpWebRequest (reads the response stream or writes the request stream) in the retried region. A data
    /// connection reset during the transfer comes out of those streams as an IOException whose inner exception is a
    /// SocketException, not as the WebException of a 426; a local file error (a full disk, a missing folder) has no
    /// SocketException inside and is not retried. Null when the region transfers nothing that way, or when a catch
    /// before it already takes IOException (the new catch would never be reached).
    /// </summary>
    private static CatchClauseSyntax? ResetCatch(WrapRegion region, SyntaxNode replyNode, SemanticModel model)
    {
        var catchClause = replyNode as CatchClauseSyntax
            ?? replyNode.Ancestors().TakeWhile(n => !IsFunction(n)).OfType<CatchClauseSyntax>().FirstOrDefault();
        if (catchClause?.Parent is not TryStatementSyntax tryStatement || !region.Statements.Any(s => s.Span.Contains(tryStatement.Span)))
        {
            return null;
        }

        var transfers = tryStatement.Block.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(invocation =>
            model.GetSymbolInfo(invocation).Symbol is IMethodSymbol { Name: "GetResponseStream" or "GetRequestStream" or "GetRequestStreamAsync" } method
            && (DerivesFrom(method.ContainingType, "System.Net.WebResponse") || DerivesFrom(method.ContainingType, "System.Net.WebRequest")));
        if (!transfers)
        {
            return null;
        }

        foreach (var clause in tryStatement.Catches)
        {
            if (clause.Declaration is null || (model.GetTypeInfo(clause.Declaration.Type).Type is { } type && DerivesFrom(model.Compilation.GetTypeByMetadataName("System.IO.IOException"), type.ToDisplayString())))
            {
                return null;
            }

            if (clause == catchClause)
            {
                break;
            }
        }

        return catchClause;
    }

    /// <summary>
    /// <c>catch (IOException reset) when (reset.InnerException is SocketException &amp;&amp; attempt &lt; 3)</c>: the same wait and
    /// new attempt as for the 4xx reply; once the attempts are used up the filter is false and the exception goes on
    /// as it did before the fix.
    /// </summary>
    private static CatchClauseSyntax ResetCatchClause(SyntaxTrivia eol, TypeNamer names, string name, ExpressionSyntax bound, IReadOnlyList<StatementSyntax> resets, IReadOnlyList<StatementSyntax> delay)
    {
        var filter = SyntaxFactory.ParseExpression($"{name}.InnerException is {names.Name("System.Net.Sockets.SocketException")} && {bound}");
        var comment = SyntaxFactory.Comment("// The data connection was reset during the transfer (an IOException, not a 426 reply): wait, then try again.");
        var statements = resets.Concat(delay).Select(st => st.WithTrailingTrivia(eol)).ToList();
        statements[0] = statements[0].WithLeadingTrivia(comment, eol);
        statements.Add(SyntaxFactory.ContinueStatement().WithTrailingTrivia(eol));
        return SyntaxFactory.CatchClause(
                SyntaxFactory.CatchDeclaration(SyntaxFactory.ParseTypeName(names.Name("System.IO.IOException")), SyntaxFactory.Identifier(name)),
                SyntaxFactory.CatchFilterClause(filter),
                SyntaxFactory.Block(statements.Select(st => st.WithAdditionalAnnotations(Formatter.Annotation))))
            .WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation);
    }

    private enum CounterKind
    {
        Counter,
        Attempt,
    }

    private sealed class Counter
    {
        public Counter(string name, CounterKind kind)
        {
            Name = name;
            Kind = kind;
        }

        public string Name { get; }

        public CounterKind Kind { get; }
    }

    /// <summary>A counter a previous retry fix wrote for this loop: "var transientRetries = 0;" just before it, or the loop's own "attempt" variable.</summary>
    private static Counter? ReusableCounter(StatementSyntax loop)
    {
        if (loop is ForStatementSyntax { Condition: null, Declaration.Variables.Count: 1 } forLoop
            && forLoop.Declaration.Variables[0].Identifier.ValueText.StartsWith(AttemptName, System.StringComparison.Ordinal)
            && forLoop.Incrementors.Count == 1)
        {
            return new Counter(forLoop.Declaration.Variables[0].Identifier.ValueText, CounterKind.Attempt);
        }

        var statements = loop.Parent is null ? default : StatementsOf(loop.Parent);
        var index = statements.IndexOf(loop);
        if (index > 0 && statements[index - 1] is LocalDeclarationStatementSyntax { Declaration.Variables.Count: 1 } local
            && local.Declaration.Variables[0].Identifier.ValueText.StartsWith(CounterName, System.StringComparison.Ordinal))
        {
            return new Counter(local.Declaration.Variables[0].Identifier.ValueText, CounterKind.Counter);
        }

        return null;
    }

    /// <summary>The line ending the file already uses.</summary>
    private static SyntaxTrivia EndOfLine(SyntaxNode root)
        => root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: not 0 } found ? found : SyntaxFactory.CarriageReturnLineFeed;

    private static IfStatementSyntax Guard(SyntaxTrivia eol, ExpressionSyntax? transientTest, ExpressionSyntax bound, IReadOnlyList<StatementSyntax> resets, IReadOnlyList<StatementSyntax> delay)
    {
        var condition = transientTest is null
            ? bound
            : SyntaxFactory.BinaryExpression(SyntaxKind.LogicalAndExpression, transientTest, bound);
        var comment = SyntaxFactory.Comment("// Transient 4xx reply: wait, then try again (bounded, exponential backoff).");
        var statements = resets.Concat(delay).Select(st => st.WithTrailingTrivia(eol)).ToList();
        statements[0] = statements[0].WithLeadingTrivia(comment, eol);
        statements.Add(SyntaxFactory.ContinueStatement());
        var body = SyntaxFactory.Block(statements.Select(st => st.WithAdditionalAnnotations(Formatter.Annotation)));
        return SyntaxFactory.IfStatement(condition, body)
            .WithTrailingTrivia(eol, eol)
            .WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation);
    }

    /// <summary>
    /// The wait before the next attempt: awaited with the token in async code, on the token's wait handle in synchronous
    /// code that has one (cancelling it ends the wait and the retries), a plain sleep otherwise.
    /// </summary>
    private static IReadOnlyList<StatementSyntax> Delay(TypeNamer names, bool isAsync, string? token, RetrySettings settings, string exponent)
    {
        var delay = $"{names.Name("System.TimeSpan")}.FromMilliseconds({settings.FirstDelayMilliseconds.ToString(CultureInfo.InvariantCulture)} * {names.Name("System.Math")}.Pow(2, {exponent}))";
        var texts = isAsync
            ? new[] { $"await {names.Name("System.Threading.Tasks.Task")}.Delay({delay}{(token is null ? string.Empty : ", " + token)});" }
            : token is null
                ? new[] { $"{names.Name("System.Threading.Thread")}.Sleep({delay});" }
                : new[] { $"{token}.WaitHandle.WaitOne({delay});", $"{token}.ThrowIfCancellationRequested();" };
        return texts.Select(t => SyntaxFactory.ParseStatement(t).WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation)).ToList();
    }

    private static ExpressionSyntax? TransientTest(SyntaxNode replyNode, SemanticModel model, TypeNamer names, StatementSyntax giveUp, out CatchClauseSyntax? renamedCatch)
    {
        renamedCatch = null;
        if (replyNode is CatchClauseSyntax catchClause)
        {
            if (catchClause.Declaration is null)
            {
                return null;
            }

            var name = catchClause.Declaration.Identifier.ValueText;
            if (catchClause.Declaration.Identifier.IsKind(SyntaxKind.None) || string.IsNullOrEmpty(name))
            {
                name = UniqueName(model, giveUp.SpanStart, "ex");
                renamedCatch = catchClause.WithDeclaration(catchClause.Declaration.WithIdentifier(SyntaxFactory.Identifier(name)));
            }

            return ReplyCheckBuilder.CaughtCategory(names, name, catchClause, model, 4);
        }

        return replyNode is ExpressionSyntax reply ? ReplyCheckBuilder.Category(names, reply, model, 4) : null;
    }

    private static CatchClauseSyntax RenameCatch(CatchClauseSyntax current, CatchClauseSyntax renamed)
        => current.WithDeclaration(current.Declaration!.WithIdentifier(renamed.Declaration!.Identifier));

    private static SyntaxNode InsertBefore(SyntaxNode root, StatementSyntax giveUp, StatementSyntax guard)
    {
        if (giveUp.Parent is BlockSyntax or SwitchSectionSyntax)
        {
            var indentation = giveUp.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).LastOrDefault();
            return root.InsertNodesBefore(giveUp, new[] { guard.WithLeadingTrivia(indentation) });
        }

        // An embedded statement (if (...) throw ...;) becomes a block.
        var block = SyntaxFactory.Block(guard, giveUp.WithoutLeadingTrivia()).WithAdditionalAnnotations(Formatter.Annotation);
        return root.ReplaceNode(giveUp, block);
    }

    private static SyntaxTriviaList LeadingWhitespace(SyntaxNode node) => SyntaxFactory.TriviaList(node.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)));

    private static bool CanHoldStatements(StatementSyntax statement)
        => statement.Parent is BlockSyntax or SwitchSectionSyntax or IfStatementSyntax or ElseClauseSyntax
            || statement.Parent is WhileStatementSyntax or ForStatementSyntax or ForEachStatementSyntax or DoStatementSyntax;

    private static bool IsInFinally(SyntaxNode node)
    {
        for (var n = node.Parent; n is not null && !IsFunction(n); n = n.Parent)
        {
            if (n is FinallyClauseSyntax)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInLockWhileAsync(SyntaxNode node)
    {
        var function = Function(node);
        if (function is null || !IsAsync(function))
        {
            return false;
        }

        for (var n = node.Parent; n is not null && n != function; n = n.Parent)
        {
            if (n is LockStatementSyntax)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFunction(SyntaxNode node) => node is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax;

    private static SyntaxNode? Function(SyntaxNode node)
    {
        for (var n = node.Parent; n is not null; n = n.Parent)
        {
            if (IsFunction(n))
            {
                return n;
            }
        }

        return null;
    }

    private static bool IsAsync(SyntaxNode function) => function switch
    {
        BaseMethodDeclarationSyntax method => method.Modifiers.Any(SyntaxKind.AsyncKeyword),
        LocalFunctionStatementSyntax local => local.Modifiers.Any(SyntaxKind.AsyncKeyword),
        AnonymousFunctionExpressionSyntax lambda => lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword),
        _ => false,
    };

    internal sealed class WrapRegion
    {
        public WrapRegion(SyntaxNode block, IReadOnlyList<StatementSyntax> statements, bool endReachable)
        {
            Block = block;
            Statements = statements;
            EndReachable = endReachable;
        }

        public SyntaxNode Block { get; }

        public IReadOnlyList<StatementSyntax> Statements { get; }

        public bool EndReachable { get; }
    }

    /// <summary>
    /// The statements to wrap: from the one that issues the FTP call (the declaration of the reply, or the
    /// try statement) to the one that handles its reply, extended to the end of the block when later
    /// statements use what they declare.
    /// </summary>
    private static WrapRegion? Region(StatementSyntax giveUp, SyntaxNode replyNode, SemanticModel model)
    {
        StatementSyntax? start;
        if (replyNode is CatchClauseSyntax { Parent: TryStatementSyntax tryStatement })
        {
            start = tryStatement;
        }
        else if (replyNode is ExpressionSyntax reply)
        {
            start = IssuingStatement(reply, model);

            // A reply read from the exception a catch caught: the operation is the try statement.
            if (reply.Ancestors().TakeWhile(n => !IsFunction(n)).OfType<CatchClauseSyntax>().FirstOrDefault() is { Parent: TryStatementSyntax caughtBy } catchClause
                && (start is null || catchClause.Span.Contains(start.Span)))
            {
                start = caughtBy;
            }
        }
        else
        {
            return null;
        }

        if (start?.Parent is not (BlockSyntax or SwitchSectionSyntax))
        {
            return null;
        }

        var container = start.Parent;
        StatementSyntax? end = null;
        for (SyntaxNode? n = giveUp; n is not null; n = n.Parent)
        {
            if (n.Parent == container && n is StatementSyntax statement)
            {
                end = statement;
                break;
            }
        }

        if (end is null)
        {
            return null;
        }

        var statements = StatementsOf(container);
        int from = statements.IndexOf(start), to = statements.IndexOf(end);
        if (from < 0 || to < from)
        {
            return null;
        }

        // A request created before the region (with its method, credentials and options set on it) is created again by
        // each attempt: a request already sent rethrows its first failure without touching the network.
        var requestFrom = RequestCreation(statements, from, to, model);
        if (requestFrom < 0)
        {
            return null;
        }

        from = requestFrom;

        // Later statements that use a local declared in the region come into the loop too, and then the later
        // statements that use what those declare.
        var declared = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        for (var scanned = from; scanned <= to; scanned++)
        {
            foreach (var declarator in statements[scanned].DescendantNodesAndSelf().Where(n => n is VariableDeclaratorSyntax or SingleVariableDesignationSyntax))
            {
                if (model.GetDeclaredSymbol(declarator) is { } local)
                {
                    declared.Add(local);
                }
            }

            if (statements[scanned] is LocalFunctionStatementSyntax)
            {
                return null;
            }

            if (scanned == to)
            {
                for (var i = statements.Count - 1; i > to; i--)
                {
                    if (statements[i].DescendantNodes().OfType<IdentifierNameSyntax>().Any(id => model.GetSymbolInfo(id).Symbol is { } s && declared.Contains(s)))
                    {
                        to = i;
                        break;
                    }
                }
            }
        }

        var region = statements.Skip(from).Take(to - from + 1).ToList();

        // break and continue that leave the region would now leave the retry loop instead; goto likewise.
        foreach (var statement in region)
        {
            foreach (var jump in statement.DescendantNodesAndSelf().Where(n => n is BreakStatementSyntax or ContinueStatementSyntax or GotoStatementSyntax or YieldStatementSyntax))
            {
                if (jump is GotoStatementSyntax or YieldStatementSyntax || !IsInsideInnerLoopOrSwitch(jump, statement))
                {
                    return null;
                }
            }
        }

        var flow = model.AnalyzeControlFlow(region[0], region[region.Count - 1]);
        if (flow is null || !flow.Succeeded)
        {
            return null;
        }

        return new WrapRegion(container, region, flow.EndPointIsReachable);
    }

    /// <summary>
    /// The index of the first statement of the region once the requests it uses that were declared just before it in
    /// the same block come in, with the statements that set them up; <paramref name="from"/> when there are none; -1
    /// when a statement between does something else (it would be repeated too).
    /// </summary>
    private static int RequestCreation(SyntaxList<StatementSyntax> statements, int from, int to, SemanticModel model)
    {
        var requests = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var first = from;
        for (var i = from; i <= to; i++)
        {
            foreach (var id in statements[i].DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (model.GetSymbolInfo(id).Symbol is ILocalSymbol local && DerivesFrom(local.Type, "System.Net.WebRequest")
                    && local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax().FirstAncestorOrSelf<StatementSyntax>() is { } declaration
                    && statements.IndexOf(declaration) is var index && index >= 0 && index < from)
                {
                    requests.Add(local);
                    first = System.Math.Min(first, index);
                }
            }
        }

        for (var i = first; i < from; i++)
        {
            if (!statements[i].DescendantNodesAndSelf().Any(n => n is IdentifierNameSyntax or VariableDeclaratorSyntax
                    && (model.GetSymbolInfo(n).Symbol ?? model.GetDeclaredSymbol(n)) is { } symbol && requests.Contains(symbol)))
            {
                return -1;
            }
        }

        return first;
    }

    private static bool IsInsideInnerLoopOrSwitch(SyntaxNode jump, SyntaxNode regionStatement)
    {
        for (var n = jump.Parent; n is not null && n != regionStatement.Parent; n = n.Parent)
        {
            if (n is ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax or ForEachStatementSyntax || (jump is BreakStatementSyntax && n is SwitchStatementSyntax))
            {
                return true;
            }

            if (IsFunction(n))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The statement that declares the variable the reply was read from (following one local to the next).</summary>
    private static StatementSyntax? IssuingStatement(ExpressionSyntax reply, SemanticModel model)
    {
        // In a loop, the locals declared outside it are its state (the index of the item), not part of the operation.
        var loop = reply.Ancestors().TakeWhile(n => !IsFunction(n)).FirstOrDefault(n => n is ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax or ForEachStatementSyntax);
        StatementSyntax? earliest = null;
        var pending = new Stack<SyntaxNode>();
        pending.Push(reply);
        var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        while (pending.Count > 0 && seen.Count < 8)
        {
            var node = pending.Pop();
            foreach (var id in node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            {
                if (model.GetSymbolInfo(id).Symbol is ILocalSymbol local && seen.Add(local))
                {
                    var declarator = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
                    var statement = declarator?.FirstAncestorOrSelf<StatementSyntax>();
                    if (statement is null || declarator is not VariableDeclaratorSyntax variable || (loop is not null && !loop.Span.Contains(statement.Span)))
                    {
                        continue;
                    }

                    if (earliest is null || statement.SpanStart < earliest.SpanStart)
                    {
                        earliest = statement;
                    }

                    if (variable.Initializer is { } initializer)
                    {
                        pending.Push(initializer.Value);
                    }
                }
            }
        }

        return earliest;
    }

    private static SyntaxList<StatementSyntax> StatementsOf(SyntaxNode container) => container switch
    {
        BlockSyntax block => block.Statements,
        SwitchSectionSyntax section => section.Statements,
        _ => default,
    };

    private static SyntaxNode WithStatements(SyntaxNode container, SyntaxList<StatementSyntax> statements) => container switch
    {
        BlockSyntax block => block.WithStatements(statements),
        SwitchSectionSyntax section => section.WithStatements(statements),
        _ => container,
    };

    private static string UniqueName(SemanticModel model, int position, string baseName)
    {
        var name = baseName;
        for (var i = 2; model.LookupSymbols(position, name: name).Length > 0 || DeclaredBelow(model, position, name); i++)
        {
            name = baseName + i.ToString(CultureInfo.InvariantCulture);
        }

        return name;
    }

    private static bool DeclaredBelow(SemanticModel model, int position, string name)
    {
        var root = model.SyntaxTree.GetRoot();
        var token = root.FindToken(position);
        var function = Function(token.Parent!) ?? token.Parent;
        return function is not null && function.DescendantNodes().Any(n =>
            (n is VariableDeclaratorSyntax v && v.Identifier.ValueText == name)
            || (n is SingleVariableDesignationSyntax d && d.Identifier.ValueText == name)
            || (n is ParameterSyntax p && p.Identifier.ValueText == name)
            || (n is CatchDeclarationSyntax c && c.Identifier.ValueText == name));
    }
}
