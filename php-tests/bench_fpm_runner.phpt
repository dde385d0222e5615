--TEST--
bench/fpm.php (bench/run-fpm's runner): 200 requests a row run without a failed request and print every row and summary line (small N, so the runner cannot rot between benchmark runs)
--SKIPIF--
<?php
require __DIR__ . '/../bench/fpm/FpmPool.php';
if (FpmPool::binary() === null) die('skip php-fpm not installed (apt-get install php8.2-fpm)');
?>
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
// Without RDKAFKA_RS_CEILING the runner leaves out the Rust floor and says so;
// bench/run-fpm sets it when cargo can build bench/ceiling.rs.
$env = ['RDKAFKA_RS_EXTENSION' => getenv('RDKAFKA_RS_EXTENSION'), 'RDKAFKA_RS_CEILING' => '', 'PHP_RDKAFKA_SO' => ''] + getenv();
$process = proc_open(array_merge(php_command(), [__DIR__ . '/../bench/fpm.php', '-n', '200']), [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, null, $env);
$out = stream_get_contents($pipes[1]);
$err = stream_get_contents($pipes[2]);
$status = proc_close($process);
echo "exit: $status\n";
if ($status !== 0) {
    echo $out, $err;
}
$number = '\s+\d+(\.\d+)?\s+\|';
foreach (['baseline (no-op)', 'non-persistent', 'persistent', 'usleep(100), no Kafka'] as $row) {
    // req/s, p50, p99, mean: numbers in every row.
    $found = preg_match('/^\| ' . preg_quote($row, '/') . '\s+\|' . str_repeat($number, 4) . '/m', $out);
    echo "$row: ", $found ? 'measured' : 'missing', "\n";
}
// The persistent row waited in flush() and opened at most 2 connections a worker.
preg_match('/^\| persistent\s+\|(.*)$/m', $out, $persistent);
$cells = array_map('trim', explode('|', $persistent[1] ?? ''));
echo "persistent flush() p50: ", is_numeric($cells[6] ?? null) && $cells[6] > 0 ? 'measured' : json_encode($cells), "\n";
echo "persistent broker connections: ", is_numeric($cells[7] ?? null) && $cells[7] <= 4 ? 'at most 2 per worker' : json_encode($cells), "\n";
echo preg_match('/^persistent adds \d+\.\d+ ms \(p50\) per request, non-persistent \d+\.\d+ ms/m', $out) ? "summary: printed\n" : "summary: missing\n";
echo preg_match('/^a request that only sleeps 100 µs \(usleep\) adds -?\d+\.\d+ ms/m', $out) ? "usleep line: printed\n" : "usleep line: missing\n";
echo preg_match('/^floor: not measured/m', $out) ? "floor: not measured, as asked\n" : "floor: unexpected\n";
?>
--EXPECT--
exit: 0
baseline (no-op): measured
non-persistent: measured
persistent: measured
usleep(100), no Kafka: measured
persistent flush() p50: measured
persistent broker connections: at most 2 per worker
summary: printed
usleep line: printed
floor: not measured, as asked
