--TEST--
bench/: the workload scripts run and report what the runner reads (small N, so they cannot rot between benchmark runs)
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topic = unique_name('bench');
[$brokers, $cluster] = test_brokers([$topic => 4]);
$bench = __DIR__ . '/../bench';
$runs = [
    'produce poll' => ['produce.php', ['MODE' => 'poll', 'N' => '2000']],
    'produce nopoll' => ['produce.php', ['MODE' => 'nopoll', 'N' => '2000']],
    'produce dr' => ['produce.php', ['MODE' => 'dr', 'N' => '2000']],
    'produce block' => ['produce.php', ['MODE' => 'block', 'N' => '2000']],
    'produce noflush' => ['produce.php', ['MODE' => 'noflush', 'N' => '2000']],
    'consume' => ['consume.php', ['N' => '10000']],
    'unreachable' => ['unreachable.php', ['N' => '500']],
];
foreach ($runs as $label => [$script, $env]) {
    [$status, $out, $err] = run_php_file("$bench/$script", [], $env + ['BROKERS' => $brokers, 'TOPIC' => $topic]);
    $result = json_decode(trim($out), true);
    $fields = is_array($result) ? array_intersect(['row', 'messages', 'msgs_per_s', 'mb_per_s', 'rss_peak_kib', 'php_peak_bytes'], array_keys($result)) : [];
    // CPU per message: measured over the timed span, so positive and far below a second.
    // (A whole number comes back from JSON as an int.)
    $cpu = is_array($result) ? $result['cpu_us_per_msg'] ?? null : null;
    $cpu_ok = (is_int($cpu) || is_float($cpu)) && $cpu > 0 && $cpu < 1e6;
    printf("%s: exit %d, fields %d/6, cpu %s, messages %s%s\n", $label, $status, count($fields), $cpu_ok ? 'ok' : json_encode($result['cpu_us_per_msg'] ?? null), $result['messages'] ?? '?',
        isset($result['delivered']) ? ", delivered {$result['delivered']}" : '');
    if ($status !== 0) {
        echo $err;
    }
}
// The table: a row measured in five rounds shows its median run and the range;
// the ratio compares medians. The median is neither the first, the last nor the
// middle line of its file.
$results = sys_get_temp_dir() . '/bench-table-' . getmypid();
mkdir($results);
$line = fn (int $rate, float $cpu) => json_encode(['row' => 'poll', 'messages' => 1000, 'seconds' => 1000 / $rate, 'msgs_per_s' => $rate,
    'mb_per_s' => 0.1, 'rss_peak_kib' => 30000, 'php_peak_bytes' => 2097152, 'cpu_us_per_msg' => $cpu]) . "\n";
file_put_contents("$results/produce.ours.json", $line(500000, 1.0) . $line(300000, 3.0) . $line(100000, 9.0) . $line(400000, 2.0) . $line(200000, 4.0));
file_put_contents("$results/produce.theirs.json", $line(75000, 6.0) . $line(100000, 5.0) . $line(50000, 8.0) . $line(400000, 2.0) . $line(200000, 3.0));
$table = proc_open([PHP_BINARY, '-n', "$bench/table.php", $results, '1000', '100', '5'], [1 => ['pipe', 'w']], $pipes);
$out = stream_get_contents($pipes[1]);
proc_close($table);
array_map('unlink', glob("$results/*"));
rmdir($results);
foreach (explode("\n", $out) as $row) {
    if (str_starts_with($row, '| produce 1000 × 100 B, `poll(0)` after each') || str_starts_with($row, 'Throughput rows')) {
        echo $row, "\n";
    }
}
// The soak starts its own out-of-process mock cluster.
[$status, $out, $err] = run_php_file("$bench/soak.php", [], ['N' => '20000', 'BATCH' => '5000', 'SAMPLES' => '2']);
echo 'soak: exit ', $status, ', ', preg_match('/^produced and delivered 20000 \(failed 0\), consumed 20000, rebalance callbacks \d+, offset commit callbacks \d+, error callbacks 0$/m', $out) ? 'all delivered and consumed' : $out . $err, "\n";
?>
--EXPECT--
produce poll: exit 0, fields 6/6, cpu ok, messages 2000
produce nopoll: exit 0, fields 6/6, cpu ok, messages 2000
produce dr: exit 0, fields 6/6, cpu ok, messages 2000, delivered 2000
produce block: exit 0, fields 6/6, cpu ok, messages 2000
produce noflush: exit 0, fields 6/6, cpu ok, messages 2000
consume: exit 0, fields 6/6, cpu ok, messages 10000
unreachable: exit 0, fields 6/6, cpu ok, messages 500
Throughput rows: the median of 5 runs, with the slowest and fastest run in brackets; ratios compare medians.
| produce 1000 × 100 B, `poll(0)` after each, then flush | 300 k (100–500) | 0.1 | 29 MiB | 2 MiB | n/a | 100 k (50–400) | 29 MiB | 3.00× |
| produce 1000 × 100 B, `poll(0)` after each, then flush | 3.00 | 5.00 | 0.60× |
soak: exit 0, all delivered and consumed
