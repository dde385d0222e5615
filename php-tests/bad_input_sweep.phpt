--TEST--
Bad input sweep: every public method of every class (found by Reflection, so new methods are covered) is called with one bad argument at a time (wrong types, null, NAN, empty and NUL strings, negative and huge ints, throwing callbacks, junk in TopicPartition lists), and with good arguments on a closed KafkaConsumer and on every class made without its constructor; the process never crashes or hangs, and every error is a Throwable with a message
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$started = microtime(true);
// Deprecation notices of deprecated methods are expected and not what is checked here.
[$status, $out, $err] = run_php_file(__DIR__ . '/inc/bad_input_sweep.inc', ['error_reporting' => (string) (E_ALL & ~E_DEPRECATED)]);
$lines = explode("\n", trim($out));
$out = end($lines);
$result = json_decode(trim($out), true);
echo 'exit status: ', $status, "\n";
echo 'calls made: ', ($result['calls'] ?? 0) > 1500 ? 'more than 1500' : ($result['calls'] ?? 'none'), "\n";
echo 'errors without a message: ', json_encode($result['without_message'] ?? null), "\n";
echo 'TypeErrors and RdKafka\Exceptions seen: ', ($result['outcomes']['TypeError'] ?? 0) > 0 && ($result['outcomes']['RdKafka\Exception'] ?? 0) > 0 ? 'yes' : 'no', "\n";
echo 'fatal errors or warnings on stderr: ', preg_match('/Fatal|Segmentation|panicked/i', $err . $out) ? $err : 'none', "\n";
// The figures (calls and outcomes by class) are kept for the README/issue notes.
file_put_contents(sys_get_temp_dir() . '/rdkafka_rs_bad_input_sweep.json', $out);
?>
--EXPECT--
exit status: 0
calls made: more than 1500
errors without a message: []
TypeErrors and RdKafka\Exceptions seen: yes
fatal errors or warnings on stderr: none
