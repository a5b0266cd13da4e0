namespace NewsIngest.Extraction.Pipeline;

/// <summary>One small step of the extraction pipeline. Stages are stateless and shared by all threads.</summary>
internal interface IExtractionStage
{
    void Run(ExtractionContext context);
}
