using NewsIngest.Extraction.Tests.Support;

namespace NewsIngest.Extraction.Tests.Boilerplate;

/// <summary>
/// Lines the page says about itself, wherever they sit in the article: consent boxes, sign-ups, appeals, notices,
/// download links, page tools, time stamps and widget status. The story's own sentences that mention the same words stay.
/// </summary>
public sealed class PageFurnitureTests
{
    private const string First = "The city council approved the new tram line on Tuesday after a debate that lasted well into the night, with a clear majority in favour.";
    private const string Last = "Construction is due to start next spring, and the first trams should run along the river in about three years, the mayor said.";

    [Theory]
    [InlineData("Klicken Sie auf den unteren Button, um den Inhalt von maps.example.com zu laden.")]
    [InlineData("Wir respektieren deine Privatsphäre und stellen deshalb ohne dein Einverständnis keine Verbindung zu Twitter her.")]
    [InlineData("Ich akzeptiere die Datenschutzbestimmungen und kann mich jederzeit wieder abmelden.")]
    [InlineData("I agree to the terms of use and the privacy policy.")]
    [InlineData("Never miss the latest news by signing up to our newsletter today!")]
    [InlineData("Get regular updates on our stories. I hate spam and you may opt out anytime.")]
    [InlineData("We rely on your support to make local news available to all")]
    [InlineData("Tú también puedes hacer periodismo incómodo. Cancela cuando quieras.")]
    [InlineData("Con tu suscripción navegás sin límites, accedés a contenidos exclusivos y mucho más.")]
    [InlineData("En remplissant ce formulaire vous pourrez être inscrit à notre liste de diffusion.")]
    [InlineData("(*) Alle mit einem Stern gekennzeichneten Links sind Affiliate-Links. Wenn Du über diese Links Produkte kaufst, erhalten wir eine kleine Provision, für dich ändert sich am Preis nichts.")]
    [InlineData("Werden Sie Mitglied und erhalten Sie exklusive Angebote!")]
    [InlineData("Get the latest news straight to your phone with our app.")]
    [InlineData("Download our free app for the latest headlines.")]
    [InlineData("¡Mira lo que tiene nuestro canal de YouTube!")]
    [InlineData("Die aktuelle Ausgabe jetzt am Kiosk, im Abo und als e-Paper.")]
    [InlineData("Alle Angaben ohne Gewähr.")]
    [InlineData("Les opinions exprimées dans ce blog n'engagent que leurs auteurs.")]
    [InlineData("Informationsschreiben vom 14. Oktober PDF | 38 KB")]
    [InlineData("Dieses Skript als PDF herunterladen")]
    [InlineData("Rezept drucken Bei Pinterest speichern")]
    [InlineData("Permalink https://example.com/p/123")]
    [InlineData("24. März 2004, 19:49 | Genesis")]
    [InlineData("Aktualisiert am 17.01.2021.")]
    [InlineData("Keine Kommentare (Kommentare erscheinen erst nach unserer Freigabe)")]
    [InlineData("13 Besucher sind online (8 Besucher halten sich im Bereich News auf.)")]
    [InlineData("Warning: Creating default object from empty value in /www/htdocs/wp-includes/classes.php on line 407")]
    [InlineData("&lt;div id=\"search-2\" class=\"widget\"&gt;&lt;h3 class=\"title\"&gt;Search&lt;/h3&gt;&lt;form action=\"/\"&gt;&lt;input name=\"s\"&gt;&lt;/form&gt;&lt;/div&gt;")]
    public void Page_furniture_inside_the_article_is_not_preview(string line)
    {
        var record = Extract.Html(Extract.Page($"<article><p>{First}</p><p>{line}</p><p>{Last}</p></article>"));

        Assert.Equal([First, Last], record.PreviewTexts());
    }

    [Theory]
    [InlineData("The paper's owners said they would keep their journalism free to read and would never cancel any subscriber's access for late payment of the fee.")]
    [InlineData("At 19:49 on 24 March 2004 the last tram left the old depot, and the tracks were lifted the following summer to make way for a car park.")]
    [InlineData("The council will publish the plans as a PDF of 38 KB on its website, and residents can comment on them until the end of the month.")]
    [InlineData("“I accept the verdict of the voters,” the mayor said on Tuesday night.")]
    [InlineData("„Ich stimme dem Plan zu“, sagte die Bürgermeisterin.")]
    [InlineData("A new issue has emerged: the depot sits on a flood plain.")]
    [InlineData("Print media lost half its readers.")]
    [InlineData("Finland wants to become a member of the alliance by next summer.")]
    [InlineData("“Help us keep the city safe,” the police chief said.")]
    [InlineData("Riders must download the app to buy a ticket.")]
    [InlineData("No comment.")]
    [InlineData("Der Streamingdienst kostet im Abo jetzt 15 Euro im Monat.")]
    [InlineData("O prefeito pediu que o governador assine a lei ainda nesta semana.")]
    [InlineData("Le chantier commencera au printemps, sans garantie de délai.")]
    [InlineData("With your subscription to the transit pass, the new line costs nothing extra.")]
    [InlineData("Asked about the cost, the mayor said the city would print a leaflet and send it to every household along the route before the works start.")]
    public void Story_sentences_that_use_the_same_words_stay(string sentence)
    {
        var record = Extract.Html(Extract.Page($"<article><p>{First}</p><p>{sentence}</p><p>{Last}</p></article>"));

        Assert.Equal([First, sentence, Last], record.PreviewTexts());
    }

    [Theory]
    [InlineData("Der Beitrag wurde am Mittwoch, den 27. November 2019 um 15:21 Uhr veröffentlicht und wurde unter Allgemein, Region Halle - Leipzig, Tastings, Veranstaltungen, Whisky, Reisen, Termine abgelegt. Du kannst die Kommentare zu diesen Eintrag durch den RSS-Feed verfolgen.")]
    [InlineData("Bei Fragen und Anregungen zu diesem Artikel können Sie hier mit uns in Kontakt treten.")]
    [InlineData("Submit your letter to the editor via this form. Read more Letters to the Editor.")]
    public void Filing_and_contact_lines_after_the_article_are_not_preview(string line)
    {
        var record = Extract.Html(Extract.Page($"<article><p>{First}</p><p>{Last}</p><p>{line}</p></article>"));

        Assert.Equal([First, Last], record.PreviewTexts());
    }

    [Fact]
    public void A_heading_that_names_an_aside_is_dropped_even_before_the_article_text()
    {
        var html = Extract.Page($"<article><h2>You may also like</h2><p>{First}</p><p>{Last}</p></article>");

        var record = Extract.Html(html);

        Assert.Equal([First, Last], record.PreviewTexts());
    }

    [Fact]
    public void A_contact_label_over_contact_lines_that_were_removed_is_dropped_too()
    {
        var html = Extract.Page(
            $"<article><p>{First}</p><p>{Last}</p><p>Kontakt:</p><p>Jane Doe, Press Office, E-Mail: press@example.com</p></article>");

        var record = Extract.Html(html);

        Assert.Equal([First, Last], record.PreviewTexts());
    }
}
