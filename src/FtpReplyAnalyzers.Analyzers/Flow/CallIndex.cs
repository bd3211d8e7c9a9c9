using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FtpReplyAnalyzers.Flow;

/// <summary>
/// The names of invoked methods, and of method groups passed as arguments, over a compilation: <c>Download(...)</c>,
/// <c>client.Download(...)</c>, <c>client?.Download(...)</c>, <c>Download&lt;T&gt;(...)</c>, <c>Retry(Download)</c>.
/// </summary>
/// <remarks>
/// Built from the files' text, not their syntax: every identifier that a <c>(</c>, <c>&lt;</c>, <c>,</c> or <c>)</c>
/// follows is a candidate, kept by a hash of its name, and the syntax is read only at the candidates of a name asked
/// for. Reading the text is several times cheaper than walking every syntax node of the compilation, which was a
/// fifth of the analyzer's time on FTP client code. A file whose text holds a Unicode escape (<c>\u004F</c>), where an
/// identifier's text may differ from its name, and a file with no text at hand, are walked as syntax instead.
/// </remarks>
internal sealed class CallIndex
{
    private static readonly char[] Followers = { '(', '<', ',', ')' };

    private readonly SyntaxTree[] _trees;
    private readonly Dictionary<ulong, List<Candidate>> _candidates = new();

    // The calls found for each name asked: methods of one name in many types ask for the same calls.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, List<SimpleNameSyntax>> _calls = new(System.StringComparer.Ordinal);

    private CallIndex(SyntaxTree[] trees)
    {
        _trees = trees;
    }

    /// <summary>Reads every file of <paramref name="compilation"/> once.</summary>
    public static CallIndex Build(Compilation compilation) => Build(compilation, fromText: true);

    /// <summary>The index read from the files' text where it can be, or from the syntax only (what the text must match).</summary>
    internal static CallIndex Build(Compilation compilation, bool fromText)
    {
        var trees = new List<SyntaxTree>(compilation.SyntaxTrees);
        var index = new CallIndex(trees.ToArray());
        for (var i = 0; i < index._trees.Length; i++)
        {
            var tree = index._trees[i];
            var text = tree.TryGetText(out var source) ? source.ToString() : null;
            if (fromText && text is not null && !HasUnicodeEscape(text))
            {
                index.AddFromText(i, text);
            }
            else
            {
                index.AddFromSyntax(i, tree);
            }
        }

        return index;
    }

    /// <summary>The calls of <paramref name="name"/> and the arguments that pass it, in file order; read once per name.</summary>
    public IReadOnlyList<SimpleNameSyntax> CallsOf(string name)
        => _calls.TryGetValue(name, out var known) ? known : _calls.GetOrAdd(name, FindCalls(name));

    private List<SimpleNameSyntax> FindCalls(string name)
    {
        var calls = new List<SimpleNameSyntax>();
        if (!_candidates.TryGetValue(Hash(name, 0, name.Length), out var candidates))
        {
            return calls;
        }

        SyntaxNode? root = null;
        var rootTree = -1;
        foreach (var candidate in candidates)
        {
            if (candidate.Tree != rootTree)
            {
                root = _trees[candidate.Tree].GetRoot();
                rootTree = candidate.Tree;
            }

            if (candidate.Position >= root!.FullSpan.End)
            {
                continue;
            }

            var token = root.FindToken(candidate.Position);
            if (token.Span.Start == candidate.Position
                && token.Parent is SimpleNameSyntax simple
                && simple.Identifier == token
                && token.ValueText == name
                && IsCalledOrPassed(simple))
            {
                calls.Add(simple);
            }
        }

        return calls;
    }

    /// <summary>The name of a call, or of an argument: what the syntax walk took (see <see cref="NameOf"/>).</summary>
    private static bool IsCalledOrPassed(SimpleNameSyntax name)
    {
        SyntaxNode node = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access
            : name.Parent is MemberBindingExpressionSyntax binding && binding.Name == name ? binding
            : name;
        return node.Parent switch
        {
            InvocationExpressionSyntax invocation => invocation.Expression == node,
            ArgumentSyntax argument => argument.Expression == node,
            _ => false,
        };
    }

    private static SimpleNameSyntax? NameOf(ExpressionSyntax expression) => expression switch
    {
        SimpleNameSyntax simple => simple,
        MemberAccessExpressionSyntax access => access.Name,
        MemberBindingExpressionSyntax binding => binding.Name,
        _ => null,
    };

    private static bool HasUnicodeEscape(string text)
    {
        for (var i = text.IndexOf('\\'); i >= 0 && i < text.Length - 1; i = text.IndexOf('\\', i + 1))
        {
            if (text[i + 1] is 'u' or 'U')
            {
                return true;
            }
        }

        return false;
    }

    private void AddFromText(int tree, string text)
    {
        var offset = 0;
        while (offset < text.Length)
        {
            var follower = text.IndexOfAny(Followers, offset);
            if (follower < 0)
            {
                return;
            }

            offset = follower + 1;

            // Back over white space to the identifier's last character, then to its first.
            var end = follower;
            while (end > 0 && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            var start = end;
            while (start > 0 && IsIdentifierPart(text[start - 1]))
            {
                start--;
            }

            if (start < end && IsIdentifierStart(text[start]) && IsCallOrArgument(text, start, end, follower))
            {
                // @class: the token starts at the @, its name after it.
                var position = start > 0 && text[start - 1] == '@' ? start - 1 : start;
                Add(Hash(text, start, end - start), new Candidate(tree, position));
            }
        }
    }

    /// <summary>
    /// What the text around an identifier allows: a call (<c>Name(</c>, <c>Name&lt;T&gt;(</c>), or an argument (after <c>(</c>,
    /// <c>,</c>, <c>:</c> or a member access, before <c>,</c> or <c>)</c>); never a <c>new Name(</c>. Only a guess: the
    /// syntax decides, but most identifiers are left out here, where it is cheap.
    /// </summary>
    private static bool IsCallOrArgument(string text, int start, int end, int follower)
    {
        var before = start > 0 && text[start - 1] == '@' ? start - 1 : start;
        while (before > 0 && char.IsWhiteSpace(text[before - 1]))
        {
            before--;
        }

        if (before >= 3 && text[before - 1] == 'w' && text[before - 2] == 'e' && text[before - 3] == 'n' && (before == 3 || !IsIdentifierPart(text[before - 4])) && before < start)
        {
            return false;
        }

        switch (text[follower])
        {
            case '(':
                return true;
            case '<':
                return IsTypeArgumentListThenCall(text, follower);
            default:
                return before > 0 && text[before - 1] is '(' or ',' or ':' or '.';
        }
    }

    /// <summary><c>&lt;int, List&lt;string&gt;&gt;(</c>: type arguments, then a parenthesis.</summary>
    private static bool IsTypeArgumentListThenCall(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length && i < open + 256; i++)
        {
            var c = text[i];
            if (c == '<')
            {
                depth++;
            }
            else if (c == '>')
            {
                if (--depth == 0)
                {
                    var next = i + 1;
                    while (next < text.Length && char.IsWhiteSpace(text[next]))
                    {
                        next++;
                    }

                    return next < text.Length && text[next] == '(';
                }
            }
            else if (!(IsIdentifierPart(c) || char.IsWhiteSpace(c) || c is ',' or '.' or '?' or '[' or ']' or '(' or ')' or ':'))
            {
                return false;
            }
        }

        return false;
    }

    private void AddFromSyntax(int tree, SyntaxTree syntax)
    {
        foreach (var node in syntax.GetRoot().DescendantNodes())
        {
            var name = node switch
            {
                InvocationExpressionSyntax invocation => NameOf(invocation.Expression),
                ArgumentSyntax argument => NameOf(argument.Expression),
                _ => null,
            };
            if (name is not null)
            {
                Add(Hash(name.Identifier.ValueText, 0, name.Identifier.ValueText.Length), new Candidate(tree, name.Identifier.SpanStart));
            }
        }
    }

    private void Add(ulong hash, Candidate candidate)
    {
        if (!_candidates.TryGetValue(hash, out var list))
        {
            _candidates.Add(hash, list = new List<Candidate>());
        }

        list.Add(candidate);
    }

    private static bool IsIdentifierStart(char c) => c == '_' || char.IsLetter(c);

    private static bool IsIdentifierPart(char c) => c < 128 ? c == '_' || char.IsLetterOrDigit(c) : char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
        or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.ConnectorPunctuation or System.Globalization.UnicodeCategory.Format;

    /// <summary>FNV-1a over the name's characters: equal names hash alike; the syntax tells the rare collisions apart.</summary>
    private static ulong Hash(string text, int start, int length)
    {
        var hash = 14695981039346656037UL;
        for (var i = start; i < start + length; i++)
        {
            hash = (hash ^ text[i]) * 1099511628211UL;
        }

        return hash;
    }

    private readonly struct Candidate
    {
        public Candidate(int tree, int position)
        {
            Tree = tree;
            Position = position;
        }

        public int Tree { get; }

        public int Position { get; }
    }
}
