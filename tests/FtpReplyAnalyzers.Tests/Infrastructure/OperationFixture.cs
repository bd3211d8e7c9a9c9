using System;
using System.Collections.Immutable;
using System.Linq;
using FtpReplyAnalyzers.Flow;
using FtpReplyAnalyzers.Libraries;
using FtpReplyAnalyzers.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FtpReplyAnalyzers.Tests.Infrastructure;

/// <summary>
/// One operation of a compiled snippet and the components of the analysis built for its member the way
/// <c>FtpAnalysisContext</c> builds them: the libraries of the compilation, a recogniser owned by the member, an
/// evaluator over it, and the member's block facts.
/// </summary>
internal sealed class OperationFixture
{
    private ReplyBlock? _block;

    private OperationFixture(CSharpCompilation compilation, SyntaxTree tree, SemanticModel model, IOperation root, ISymbol owner, IOperation operation, FtpLibraries libraries)
    {
        Compilation = compilation;
        Tree = tree;
        Model = model;
        Root = root;
        Owner = owner;
        Operation = operation;
        Libraries = libraries;
        Recognizer = new ReplyRecognizer(libraries, owner);
        Evaluator = new ConditionEvaluator(Recognizer);
    }

    public CSharpCompilation Compilation { get; }

    public SyntaxTree Tree { get; }

    public SemanticModel Model { get; }

    /// <summary>The operation tree of the member that holds the text.</summary>
    public IOperation Root { get; }

    /// <summary>The method, accessor or constructor that holds the text.</summary>
    public ISymbol Owner { get; }

    /// <summary>The operation of the text asked for (the outermost one of its syntax node).</summary>
    public IOperation Operation { get; }

    public FtpLibraries Libraries { get; }

    public ReplyRecognizer Recognizer { get; }

    public ConditionEvaluator Evaluator { get; }

    /// <summary>The member's facts, found by one walk of its operations with <see cref="Evaluator"/>.</summary>
    public ReplyBlock Block => _block ??= ReplyBlock.Compute(ImmutableArray.Create(Root), Evaluator);

    /// <summary>
    /// Compiles <paramref name="source"/> (first file, "Test.cs") with <paramref name="others"/> beside it and finds the
    /// operation whose syntax is exactly <paramref name="text"/> (its first occurrence, or the one after <c>/*here*/</c>
    /// when the source holds that marker).
    /// </summary>
    public static OperationFixture Of(string source, string text, params string[] others)
    {
        var sources = new[] { ("Test.cs", source) }.Concat(others.Select((o, i) => ($"Other{i}.cs", o)));
        var compilation = AnalyzerRunner.Compile(sources);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The snippet does not compile: " + string.Join("; ", errors));
        }

        var tree = compilation.SyntaxTrees[0];
        var model = compilation.GetSemanticModel(tree);
        var marker = source.IndexOf("/*here*/", StringComparison.Ordinal);
        var libraries = FtpLibraries.TryCreate(compilation, null) ?? throw new InvalidOperationException("The compilation speaks no FTP.");

        // The first occurrence that is one syntax node with an operation of its own (a declaration of the name is skipped).
        for (var start = source.IndexOf(text, marker < 0 ? 0 : marker + "/*here*/".Length, StringComparison.Ordinal);
             start >= 0;
             start = source.IndexOf(text, start + 1, StringComparison.Ordinal))
        {
            var node = tree.GetRoot().FindNode(new Microsoft.CodeAnalysis.Text.TextSpan(start, text.Length), getInnermostNodeForTie: true);
            if (node.Span.Length != text.Length)
            {
                continue;
            }

            var member = node.AncestorsAndSelf().FirstOrDefault(n => n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax });
            if (member is null || model.GetOperation(member) is not { } root)
            {
                continue;
            }

            var ownerNode = member is ArrowExpressionClauseSyntax ? member.Parent! : member;
            var owner = model.GetDeclaredSymbol(ownerNode) ?? throw new InvalidOperationException("The member has no symbol.");
            if (owner is IPropertySymbol { GetMethod: { } getter })
            {
                owner = getter;
            }

            // The node's own operation, or the nearest enclosing one within its statement (an argument's value, say).
            IOperation? operation = null;
            for (var n = node; operation is null && n is not null && n != member; n = n.Parent)
            {
                // An expression body's implicit return shares the expression's syntax: the expression is meant.
                operation = root.DescendantsAndSelf().Where(o => o.Syntax == n).OrderBy(o => o.IsImplicit ? 1 : 0).FirstOrDefault();
                if (n is StatementSyntax)
                {
                    break;
                }
            }

            if (operation is not null)
            {
                return new OperationFixture(compilation, tree, model, root, owner, operation, libraries);
            }
        }

        throw new ArgumentException($"'{text}' is not one syntax node with an operation in the source.", nameof(text));
    }

    /// <summary>Another operation of the same member: the one whose syntax is exactly <paramref name="text"/> (its first occurrence).</summary>
    public IOperation At(string text)
    {
        var source = Tree.GetText().ToString();
        for (var start = source.IndexOf(text, StringComparison.Ordinal); start >= 0; start = source.IndexOf(text, start + 1, StringComparison.Ordinal))
        {
            var node = Tree.GetRoot().FindNode(new Microsoft.CodeAnalysis.Text.TextSpan(start, text.Length), getInnermostNodeForTie: true);
            var found = Root.DescendantsAndSelf().Where(o => o.Syntax == node && node.Span.Length == text.Length).OrderBy(o => o.IsImplicit ? 1 : 0).FirstOrDefault();
            if (found is not null)
            {
                return found;
            }
        }

        throw new ArgumentException($"'{text}' has no operation in the member.", nameof(text));
    }

    /// <summary>The nearest operation of type <typeparamref name="T"/> at or above <see cref="Operation"/>.</summary>
    public T Enclosing<T>()
        where T : class, IOperation
    {
        for (var o = Operation; o is not null; o = o.Parent)
        {
            if (o is T found)
            {
                return found;
            }
        }

        throw new InvalidOperationException($"No {typeof(T).Name} encloses the operation.");
    }

    /// <summary>The reply <see cref="Operation"/> holds, as the recogniser says.</summary>
    public ReplyExpression? Reply => Recognizer.Recognize(Operation);

    /// <summary>What <see cref="Operation"/> selects, as a condition.</summary>
    public Selection Selection => Evaluator.Evaluate(Operation);
}
