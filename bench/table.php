<?php
// Prints bench/run's table from the JSON lines in the results directory
// (one file per measurement: <row>.<who>.json, who = ours|theirs|ceiling|cg-ours|cg-theirs).
$dir = $argv[1];
$N = (int) $argv[2];
$S = (int) $argv[3];
$rounds = (int) ($argv[4] ?? 1);

/**
 * One row's result: for a throughput row measured in several rounds, the run
 * with the median rate, with the range of rates and the median CPU per message
 * across runs; otherwise the last line.
 */
function result(string $dir, string $row, string $who): ?array
{
    $file = "$dir/$row.$who.json";
    if (!is_file($file)) {
        return null;
    }
    $runs = [];
    foreach (file($file, FILE_IGNORE_NEW_LINES) as $line) {
        $data = json_decode($line, true);
        if (is_array($data)) {
            $runs[] = $data;
        }
    }
    if ($runs === []) {
        return null;
    }
    if (!isset($runs[0]['msgs_per_s'])) {
        return end($runs);
    }
    usort($runs, fn ($a, $b) => $a['msgs_per_s'] <=> $b['msgs_per_s']);
    // The lower of the two middle runs when the count is even.
    $median = $runs[intdiv(count($runs) - 1, 2)];
    $cpu = array_filter(array_column($runs, 'cpu_us_per_msg'), 'is_numeric');
    sort($cpu);
    return $median + [
        'runs' => count($runs),
        'slowest' => $runs[0]['msgs_per_s'],
        'fastest' => end($runs)['msgs_per_s'],
        'cpu_median' => $cpu === [] ? null : $cpu[intdiv(count($cpu) - 1, 2)],
    ];
}

function rate(?array $r): string
{
    if ($r === null) {
        return 'n/a';
    }
    $text = $r['msgs_per_s'] >= 1e6 ? sprintf('%.2f M', $r['msgs_per_s'] / 1e6) : sprintf('%.0f k', $r['msgs_per_s'] / 1e3);
    if (($r['runs'] ?? 1) > 1) {
        $text .= $r['msgs_per_s'] >= 1e6
            ? sprintf(' (%.2f–%.2f)', $r['slowest'] / 1e6, $r['fastest'] / 1e6)
            : sprintf(' (%.0f–%.0f)', $r['slowest'] / 1e3, $r['fastest'] / 1e3);
    }
    return $text;
}

function mib(?array $r, string $field = 'rss_peak_kib'): string
{
    if ($r === null || !isset($r[$field])) {
        return 'n/a';
    }
    return $field === 'php_peak_bytes' ? sprintf('%.0f MiB', $r[$field] / 1048576) : sprintf('%.0f MiB', $r[$field] / 1024);
}

function ratio(?array $a, ?array $b, string $field = 'msgs_per_s'): string
{
    if ($a === null || $b === null || !$b[$field]) {
        return 'n/a';
    }
    return sprintf('%.2f×', $a[$field] / $b[$field]);
}

$throughput = [
    ['produce', "produce $N × $S B, `poll(0)` after each, then flush", 'ceiling-produce'],
    ['nopoll', "produce $N × $S B, no `poll()` until flush (QUEUE_FULL → `poll(1)`, retry)", null],
    ['dr', "produce $N × $S B with a `dr_msg_cb`, `poll(0)` after each", null],
    ['consume', "`KafkaConsumer::consume()` $N × $S B", 'ceiling-consume'],
];
if ($rounds > 1) {
    echo "Throughput rows: the median of $rounds runs, with the slowest and fastest run in brackets; ratios compare medians.\n\n";
}
echo "| workload | rdkafka-rs msgs/s | MB/s | peak RSS | PHP peak | vs Rust ceiling | php-rdkafka msgs/s | php-rdkafka peak RSS | rdkafka-rs ÷ php-rdkafka |\n";
echo "|---|---|---|---|---|---|---|---|---|\n";
foreach ($throughput as [$row, $label, $ceiling_row]) {
    $ours = result($dir, $row, 'ours');
    $theirs = result($dir, $row, 'theirs');
    $ceiling = $ceiling_row ? result($dir, $ceiling_row, 'ceiling') : null;
    $vs_ceiling = $ceiling ? sprintf('%s (ceiling %s)', ratio($ours, $ceiling), rate($ceiling)) : 'n/a';
    $retries = $ours !== null && ($ours['queue_full_retries'] ?? 0) > 0 ? " ({$ours['queue_full_retries']} QUEUE_FULL)" : '';
    $their_retries = $theirs !== null && ($theirs['queue_full_retries'] ?? 0) > 0 ? " ({$theirs['queue_full_retries']} QUEUE_FULL)" : '';
    if ($ours !== null && $ours['messages'] < $N) {
        $label .= " (only {$ours['messages']} arrived)";
    }
    printf("| %s | %s%s | %s | %s | %s | %s | %s%s | %s | %s |\n", $label, rate($ours), $retries, $ours['mb_per_s'] ?? 'n/a', mib($ours), mib($ours, 'php_peak_bytes'), $vs_ceiling, rate($theirs), $their_retries, mib($theirs), ratio($ours, $theirs));
}

// Where the time goes: CPU of the whole process (PHP thread and librdkafka's threads)
// per message, over the measured span. The mock broker's CPU is not included.
echo "\n| CPU per message (whole PHP process, median run) | rdkafka-rs µs | php-rdkafka µs | rdkafka-rs ÷ php-rdkafka |\n|---|---|---|---|\n";
foreach ($throughput as [$row, $label]) {
    $ours = result($dir, $row, 'ours');
    $theirs = result($dir, $row, 'theirs');
    $cpu = fn ($r) => $r !== null && $r['cpu_median'] !== null ? sprintf('%.2f', $r['cpu_median']) : 'n/a';
    $cpu_ratio = $ours !== null && $theirs !== null && $ours['cpu_median'] && $theirs['cpu_median']
        ? sprintf('%.2f×', $ours['cpu_median'] / $theirs['cpu_median']) : 'n/a';
    printf("| %s | %s | %s | %s |\n", $label, $cpu($ours), $cpu($theirs), $cpu_ratio);
}

// The batch calls (rdkafka-rs only), against the single-message rows of the same run.
$batch_rows = [
    ['batch-produce', "`ProducerTopic::produceBatch()` $N × $S B, 1,000 per call", 'produce', 'ours', 'single-call produce', 'ceiling-produce'],
    ['batch-consume', "`KafkaConsumer::consumeBatch()` $N × $S B, up to 1,000 per call", 'consume', 'theirs', 'php-rdkafka `consume()`', 'ceiling-consume'],
];
echo "\n| batch workload | rdkafka-rs msgs/s | MB/s | peak RSS | compared with | ratio | vs Rust ceiling |\n|---|---|---|---|---|---|---|\n";
foreach ($batch_rows as [$row, $label, $base_row, $base_who, $base_label, $ceiling_row]) {
    $ours = result($dir, $row, 'ours');
    $base = result($dir, $base_row, $base_who);
    $ceiling = result($dir, $ceiling_row, 'ceiling');
    printf("| %s | %s | %s | %s | %s (%s) | %s | %s |\n", $label, rate($ours), $ours['mb_per_s'] ?? 'n/a', mib($ours), $base_label, rate($base),
        ratio($ours, $base), $ceiling ? ratio($ours, $ceiling) : 'n/a');
}

$memory = [
    ['unreachable', '50,000 × 10 KB to an unreachable broker, docs loop (QUEUE_FULL caught)'],
    ['block-small', "produce $N × $S B with `RD_KAFKA_MSG_F_BLOCK`, never `poll()`"],
    ['block-large', 'produce ' . (10 * $N) . " × $S B with `RD_KAFKA_MSG_F_BLOCK`, never `poll()`"],
];
echo "\n| memory | rdkafka-rs peak RSS | PHP peak | php-rdkafka peak RSS |\n|---|---|---|---|\n";
foreach ($memory as [$row, $label]) {
    $ours = result($dir, $row, 'ours');
    $theirs = result($dir, $row, 'theirs');
    $theirs_text = $theirs ? mib($theirs) : ($row === 'unreachable' ? 'n/a' : 'n/a (blocks forever: nothing serves delivery reports)');
    printf("| %s | %s | %s | %s |\n", $label, mib($ours), mib($ours, 'php_peak_bytes'), $theirs_text);
}
$consume = result($dir, 'consume', 'ours');
if ($consume) {
    printf("| consumer after %d messages (the consume row) | %s | %s | %s |\n", $consume['messages'], mib($consume), mib($consume, 'php_peak_bytes'), mib(result($dir, 'consume', 'theirs')));
}

echo "\n| no message lost: 100,000 produced, script ends without `flush()` | delivered |\n|---|---|\n";
foreach (['ours' => 'rdkafka-rs', 'theirs' => 'php-rdkafka'] as $who => $name) {
    $count = result($dir, 'noloss-count', $who);
    printf("| %s | %s |\n", $name, $count ? number_format($count['messages']) . ' of 100,000' : 'n/a');
}

$cg = [['produce', 'instructions per `produce()` + `poll(0)` (PHP thread, callgrind)'], ['dr', 'instructions per `produce()` + `poll(0)` with a `dr_msg_cb`'], ['consume', 'instructions per `consume()`']];
echo "\n| per-call cost | rdkafka-rs | php-rdkafka | rdkafka-rs ÷ php-rdkafka |\n|---|---|---|---|\n";
foreach ($cg as [$row, $label]) {
    $ours = result($dir, $row, 'cg-ours');
    $theirs = result($dir, $row, 'cg-theirs');
    $text = fn ($r) => $r ? number_format($r['per_call']) : 'n/a';
    printf("| %s | %s | %s | %s |\n", $label, $text($ours), $text($theirs), ratio($ours, $theirs, 'per_call'));
}
