"""Reads `perf script` output of the `loop` command and prints, for the samples under ExtractionPipeline.Extract,
the share of the parse (HtmlParseStage, plus Extract's own frames, where the JIT inlined the stage call) and of each
later stage, with each stage's samples per parse sample. Give stage names as arguments to list what is inside them."""
import collections
import re
import sys

STAGE = re.compile(r'NewsIngest\.Extraction\.[A-Za-z.]+\.([A-Za-z]+)::Run\(|RecordBuilder::Build\(')
TIER = re.compile(r'\[(OptimizedTier1OSR|OptimizedTier1|Optimized|InstrumentedTierOptimized|InstrumentedTier|QuickJitted)\]$')


def stacks(lines):
    frames = []
    for line in lines:
        if not line.strip():
            if frames:
                yield frames
            frames = []
        elif line[0] in ' \t':
            m = re.match(r'\s+[0-9a-f]+\s+(.*)\s+\((.*)\)$', line.rstrip('\n'))
            if m:
                frames.append((m.group(1), m.group(2)))
    if frames:
        yield frames


def name(symbol, dso):
    if 'perf-' not in dso and not dso.endswith('.dll'):
        return dso.split('/')[-1]
    symbol = TIER.sub('', re.sub(r'\+0x[0-9a-f]+$', '', symbol))
    m = re.search(r'([A-Za-z0-9_`.+<>$]+::[A-Za-z0-9_.<>|$`]+)\(', symbol)
    return m.group(1) if m else symbol[:100]


def main():
    wanted = sys.argv[1:]
    per_stage = collections.Counter()
    inside = collections.defaultdict(collections.Counter)
    for frames in stacks(sys.stdin):
        if not any('ExtractionPipeline::Extract' in s for s, _ in frames):
            continue
        stage = 'parse'
        for symbol, _ in frames:
            m = STAGE.search(symbol)
            if m:
                stage = 'RecordBuilder' if 'RecordBuilder' in symbol else m.group(1)
                break
        if stage == 'HtmlParseStage':
            stage = 'parse'
        per_stage[stage] += 1
        if stage in wanted:
            for n in {name(s, d) for s, d in frames}:
                inside[stage][n] += 1
    total = sum(per_stage.values())
    parse = per_stage['parse']
    print(f'samples under Extract: {total}; parse (HtmlParseStage, Extract itself): {parse}')
    print(f'  {"stage":24} {"samples":>8} {"share":>7} {"x parse":>8}')
    for stage, n in per_stage.most_common():
        print(f'  {stage:24} {n:8} {100 * n / total:6.1f}% {n / parse:8.3f}')
    later = total - parse
    print(f'  {"all later stages":24} {later:8} {100 * later / total:6.1f}% {later / parse:8.3f}')
    print(f'  extract / parse by samples = {total / parse:.2f}')
    for stage in wanted:
        print(f'\n{stage} ({per_stage[stage]} samples), inclusive:')
        for n, count in inside[stage].most_common(30):
            print(f'  {100 * count / max(per_stage[stage], 1):5.1f}% {n[:140]}')


main()
