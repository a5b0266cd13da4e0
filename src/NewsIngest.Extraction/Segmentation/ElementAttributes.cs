using AngleSharp.Dom;

namespace NewsIngest.Extraction.Segmentation;

/// <summary>
/// The attributes the segmenter reads, taken in one pass over the element's attribute list. Each
/// <c>GetAttribute</c> call lower-cases its argument and scans the list again; about a dozen of them per element
/// cost more than the pass. Names compare ordinally, as <c>GetAttribute</c> does once the HTML parser has
/// lower-cased them; the first occurrence wins, as with <c>GetAttribute</c>.
/// </summary>
internal struct ElementAttributes
{
    public string? Class;
    public string? Id;
    public string? Style;
    public string? Role;
    public string? AriaHidden;
    public string? AriaModal;
    public string? SubscriptionsSection;
    public string? AmpAccess;
    public string? ItemProp;
    public bool HasHidden;
    public bool HasHref;

    public static ElementAttributes Of(IElement element)
    {
        var result = default(ElementAttributes);
        var list = element.Attributes;
        for (var i = 0; i < list.Length; i++)
        {
            var attribute = list[i];
            if (attribute is null)
            {
                continue;
            }

            switch (attribute.Name)
            {
                case "class": result.Class ??= attribute.Value; break;
                case "id": result.Id ??= attribute.Value; break;
                case "style": result.Style ??= attribute.Value; break;
                case "role": result.Role ??= attribute.Value; break;
                case "aria-hidden": result.AriaHidden ??= attribute.Value; break;
                case "aria-modal": result.AriaModal ??= attribute.Value; break;
                case "subscriptions-section": result.SubscriptionsSection ??= attribute.Value; break;
                case "amp-access": result.AmpAccess ??= attribute.Value; break;
                case "itemprop": result.ItemProp ??= attribute.Value; break;
                case "hidden": result.HasHidden = true; break;
                case "href": result.HasHref = true; break;
            }
        }

        return result;
    }
}
