using AngleSharp.Dom;
using NewsIngest.Extraction.Pipeline;

namespace NewsIngest.Extraction.Segmentation;

/// <summary>
/// Walks the body once, without recursion, and cuts its text into blocks in reading order. Each block remembers
/// whether it is hidden, inside chrome, inside a wall, inside a link-heavy or interactive region. JSON-LD scripts met
/// on the way are kept for the structured-data stage.
/// </summary>
internal sealed class DomSegmenter : IExtractionStage
{
    public void Run(ExtractionContext context)
    {
        var document = context.Document;
        if (document?.Body is null)
        {
            return;
        }

        var hiddenClasses = StyleSheetScanner.HiddenClasses(document, context.Options.MaxJsonLdChars);
        new Walk(context, new ClassVerdicts(hiddenClasses)).Run(document.Body);
    }

    /// <summary>
    /// The element's <c>TextContent</c>. A style, script or title element nearly always holds one text node, whose
    /// string is returned as is: <c>TextContent</c> would copy it (inline style sheets run to hundreds of kilobytes)
    /// through AngleSharp's locked builder pool.
    /// </summary>
    public static string TextOf(IElement element) =>
        element.ChildNodes is { Length: 1 } nodes && nodes[0] is IText text ? text.Data : element.TextContent;

    /// <summary>What joins the cells of a table row on its line.</summary>
    internal const string CellSeparator = " | ";

    private sealed class Walk(ExtractionContext context, ClassVerdicts verdicts)
    {
        private readonly TextBuffer _text = new();
        // The open scopes, innermost last, read in place: a Stack<Scope> copies the whole struct out on every Peek.
        private Scope[] _scopes = new Scope[64];
        private int _depth;
        private Frame[] _frames = new Frame[64];
        private int _frameCount;
        private int _linkChars;
        private int _linkDepth;

        // A table row is one block, its cells joined: the cell whose text the buffer took last, and how many did.
        private IElement? _cell;
        private int _cells;

        // Where link text sits in the buffer (start, end), for a buffer that is cut into several blocks.
        private readonly List<(int Start, int End)> _linkRanges = [];

        public void Run(IElement body)
        {
            try
            {
                // Depth first in document order: one frame per open element walks its children by index (AngleSharp's
                // sibling properties search the parent's child list, quadratic on wide nodes); the element's scope
                // closes when its frame is done.
                Visit(body);
                while (_frameCount > 0)
                {
                    ref var frame = ref _frames[_frameCount - 1];
                    if (frame.Next < frame.Children.Length)
                    {
                        context.Checkpoint();
                        Visit(frame.Children[frame.Next++]);
                        continue;
                    }

                    _frameCount--;
                    if (frame.Entered)
                    {
                        Leave();
                    }
                }

                Flush();
            }
            finally
            {
                _text.Dispose();
            }
        }

        private void Visit(INode node)
        {
            // The class test first: most nodes are elements, and it is cheaper than testing an interface.
            if (node is not Element element)
            {
                if (node is IText text)
                {
                    AppendText(text.Data);
                }

                return;
            }

            var tag = element.LocalName;
            if (tag == "br")
            {
                _text.Append('\n');
                return;
            }

            if (tag == "script")
            {
                KeepJsonLd(element);
                return;
            }

            if (BlockTags.IsSkipped(tag))
            {
                return;
            }

            // Past the depth limit the text is still read, into the deepest scope opened.
            var entered = _depth < context.Options.MaxDomDepth;
            if (entered)
            {
                Enter(element, tag);
            }

            if (_frameCount == _frames.Length)
            {
                Array.Resize(ref _frames, _frames.Length * 2);
            }

            _frames[_frameCount++] = new Frame(((INode)element).ChildNodes, entered);
        }

        private void Enter(IElement element, string tag)
        {
            ref readonly var parent = ref _depth > 0 ? ref Top : ref Scope.Root;
            var attributes = ElementAttributes.Of(element);
            var traits = ElementTraits.Read(attributes, tag, verdicts, parent.InArticle);
            var isCell = tag is "td" or "th";
            var isBlock = !isCell && BlockTags.IsBlock(tag);
            if (isBlock)
            {
                Flush();
            }

            var isLink = tag == "a" && attributes.HasHref;
            if (isLink)
            {
                _linkDepth++;
            }

            // A boilerplate verdict on an element that holds the article (a page wrapper classed like an ad slot, the
            // page inside a <header> or a <form>) would remove the article with it: such an element is the page.
            var chrome = traits.Wall is null ? traits.Chrome : null;
            var interactive = traits.Interactive;
            if ((chrome is not null && parent.Chrome is null) || (interactive && tag == "form" && !parent.Interactive))
            {
                if (MainContentHolder.Holds(element))
                {
                    chrome = null;
                    interactive = false;
                }
            }

            // A figure framing a table frames content, not a picture: only its caption is a caption.
            if (chrome is not null && tag == "figure" && parent.Chrome is null && FigureContent.FramesTable(element))
            {
                chrome = null;
            }

            var hidden = parent.Hidden ?? traits.Hidden;
            Push(new Scope(
                isBlock || isCell ? element : parent.Owner,
                hidden,
                parent.Hidden is null && traits.Hidden is not null ? element : parent.HiddenElement,
                parent.Hidden is not null && (parent.HiddenAgain || traits.Hidden is not null),
                isBlock ? hidden : parent.BlockHidden,
                // An element that names a wall is read as a wall, even when its words also sound like chrome ("signup").
                parent.Chrome ?? chrome,
                traits.Wall ?? parent.Wall,
                traits.Wall is not null ? element : parent.WallElement,
                parent.Interactive || interactive,
                parent.Gated || traits.Gated,
                parent.InArticle || tag is "article" or "main" || attributes.ItemProp == "articleBody",
                tag == "li" ? BlockType.ListItem : tag == "blockquote" ? BlockType.Quote : parent.Kind,
                BlockTags.HeadingLevel(tag) is var level and > 0 ? level : parent.HeadingLevel,
                isBlock,
                isLink,
                isCell ? element : isBlock ? null : parent.Cell));
        }

        private ref readonly Scope Top => ref _scopes[_depth - 1];

        private void Push(in Scope scope)
        {
            if (_depth == _scopes.Length)
            {
                Array.Resize(ref _scopes, _depth * 2);
            }

            _scopes[_depth++] = scope;
        }

        private void Leave()
        {
            // The element's own scope is on top: every scope opened inside it has been closed.
            if (_depth > 0 && Top.IsLink)
            {
                _linkDepth--;
            }

            if (_depth > 0 && Top.IsBlock)
            {
                Flush();
            }

            _depth--;
        }

        private void AppendText(string data)
        {
            // Hidden inline text (a screen-reader label inside a visible paragraph) is not part of what readers see.
            if (_depth == 0 || (Top is { Hidden: not null, BlockHidden: null }))
            {
                return;
            }

            if (Top.Cell is { } cell && cell != _cell && !data.AsSpan().IsWhiteSpace())
            {
                // The next cell of the row: joined to the cells before it on the row's line.
                if (_cell is not null && _text.Length > 0)
                {
                    _text.TrimEndSpaces();
                    _text.AppendCollapsed(CellSeparator);
                }

                _cell = cell;
                _cells++;
            }

            var before = _text.Length;
            _text.AppendCollapsed(data);
            if (_linkDepth > 0 && _text.Length > before)
            {
                _linkChars += _text.Length - before;
                if (_linkRanges.Count > 0 && _linkRanges[^1].End == before)
                {
                    _linkRanges[^1] = (_linkRanges[^1].Start, _text.Length);
                }
                else
                {
                    _linkRanges.Add((before, _text.Length));
                }
            }
        }

        private void KeepJsonLd(IElement script)
        {
            var type = script.GetAttribute("type");
            if (type is not null && type.Contains("ld+json", StringComparison.OrdinalIgnoreCase))
            {
                context.JsonLdScripts.Add(TextOf(script));
            }
        }

        private void Flush()
        {
            // A trailing space never survives the split (lines and single blocks are trimmed).
            _text.TrimEndSpaces();
            // Text of one cell belongs to that cell; text of several cells to the row (or the cell holding the rest).
            var cellOwner = _cells == 1 ? _cell : null;
            (_cell, _cells) = (null, 0);
            if (_text.Length == 0)
            {
                _linkRanges.Clear();
                return;
            }

            var linkChars = _linkChars;
            _linkChars = 0;
            if (_depth == 0 || context.Blocks.Count >= context.Options.MaxBlocks)
            {
                _text.Clear();
                _linkRanges.Clear();
                return;
            }

            ref readonly var scope = ref Top;
            if (BlockSplitter.IsPlainLine(_text.Span))
            {
                // Most blocks: one collapsed line becomes one block, copied once from the buffer.
                var (type, text) = BlockSplitter.Classify(_text.ToString(), BlockSplitter.TypeOf(scope.Kind, scope.HeadingLevel));
                AddBlock(scope, cellOwner, type, text, linkChars);
            }
            else
            {
                // A paragraph cut at blank lines: each part counts the link text inside its own range, not the whole
                // element's (a list of entries each with one linked name is not a link list).
                foreach (var (type, text, start, end) in BlockSplitter.Split(_text.ToString(), scope.Kind, scope.HeadingLevel))
                {
                    AddBlock(scope, cellOwner, type, text, linkChars == 0 ? 0 : LinkCharsIn(start, end));
                }
            }

            _text.Clear();
            _linkRanges.Clear();
        }

        private int LinkCharsIn(int start, int end)
        {
            var chars = 0;
            foreach (var (s, e) in _linkRanges)
            {
                chars += Math.Max(0, Math.Min(e, end) - Math.Max(s, start));
            }

            return chars;
        }

        private void AddBlock(in Scope scope, IElement? owner, BlockType type, string text, int linkChars) =>
            context.Blocks.Add(new Block(context.Blocks.Count, type, text)
            {
                Element = owner ?? scope.Owner,
                LinkChars = Math.Min(linkChars, text.Length),
                HeadingLevel = type == BlockType.Heading ? scope.HeadingLevel : 0,
                HiddenReason = scope.Hidden,
                HiddenElement = scope.HiddenElement,
                HiddenAgain = scope.HiddenAgain,
                ChromeReason = scope.Chrome,
                WallContainer = scope.Wall,
                WallElement = scope.WallElement,
                InInteractive = scope.Interactive,
                InGatedPart = scope.Gated,
            });
    }

    /// <summary>An element whose children are being walked, and whether the walker opened a scope for it.</summary>
    private struct Frame(INodeList children, bool entered)
    {
        public readonly INodeList Children = children;
        public readonly bool Entered = entered;
        public int Next;
    }

    /// <summary>What the walker knows about the innermost open element; a struct, as one is pushed per element.</summary>
    private readonly record struct Scope(
        IElement? Owner,
        string? Hidden,
        IElement? HiddenElement,
        bool HiddenAgain,
        string? BlockHidden,
        string? Chrome,
        string? Wall,
        IElement? WallElement,
        bool Interactive,
        bool Gated,
        bool InArticle,
        BlockType Kind,
        int HeadingLevel,
        bool IsBlock,
        bool IsLink,
        IElement? Cell)
    {
        public static readonly Scope Root = new(null, null, null, false, null, null, null, null, false, false, false, BlockType.Paragraph, 0, true, false, null);
    }
}
