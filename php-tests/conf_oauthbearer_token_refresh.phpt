--TEST--
SASL/OAUTHBEARER: the token refresh callback runs in poll()/consume() with sasl.oauthbearer.config; oauthbearerSetToken() and oauthbearerSetTokenFailure() reach librdkafka, and bad tokens throw with librdkafka's reason
--FILE--
<?php
function unsigned_jws(int $expires): string
{
    $claims = rtrim(strtr(base64_encode(json_encode(['sub' => 'admin', 'exp' => $expires, 'iat' => time() - 10])), '+/', '-_'), '=');
    return "eyJhbGciOiJub25lIn0.$claims.";
}
function oauth_conf(callable $refresh): RdKafka\Conf
{
    $conf = new RdKafka\Conf();
    $conf->set('metadata.broker.list', '127.0.0.1:1'); // the refresh does not need a broker
    $conf->set('log_level', '0');
    $conf->set('security.protocol', 'SASL_PLAINTEXT');
    $conf->set('sasl.mechanisms', 'OAUTHBEARER');
    $conf->set('sasl.oauthbearer.config', 'principal=admin scope=test');
    $conf->setErrorCb(function ($kafka, $err, $reason) {
        if ($err === RD_KAFKA_RESP_ERR__AUTHENTICATION) {
            echo "error_cb: $reason\n";
        }
    });
    $conf->setOauthbearerTokenRefreshCb($refresh);
    return $conf;
}
function attempt(callable $call): void
{
    try {
        $call();
        echo "ok\n";
    } catch (RdKafka\Exception $e) {
        echo get_class($e), ' ', $e->getCode(), ': ', $e->getMessage(), "\n";
    }
}

$producer = new RdKafka\Producer(oauth_conf(function ($kafka, $config) {
    echo 'refresh for ', get_class($kafka), ' with ', var_export($config, true), "\n";
    $expires = time() + 60;
    $kafka->oauthbearerSetToken(unsigned_jws($expires), $expires * 1000, 'admin', ['traceId' => 'abc']);
}));
$deadline = microtime(true) + 5;
while ($producer->poll(100) === 0 && microtime(true) < $deadline) {
}
echo "expired token: "; attempt(fn () => $producer->oauthbearerSetToken(unsigned_jws(1), 1000, 'admin'));
echo "reserved extension: "; attempt(fn () => $producer->oauthbearerSetToken(unsigned_jws(time() + 60), (time() + 60) * 1000, 'admin', ['auth' => 'x']));
echo "token failure: "; attempt(fn () => $producer->oauthbearerSetTokenFailure('the identity provider is down'));
$producer->poll(500);

$consumerConf = oauth_conf(function ($kafka, $config) {
    echo 'refresh for ', get_class($kafka), "\n";
    $kafka->oauthbearerSetTokenFailure('no token for the consumer');
});
$consumerConf->set('group.id', 'oauth');
$consumer = new RdKafka\KafkaConsumer($consumerConf);
$consumer->consume(500);
$consumer->close();

$plainConf = new RdKafka\Conf();
$plainConf->set('metadata.broker.list', '127.0.0.1:1');
$plainConf->set('log_level', '0');
$plain = new RdKafka\Producer($plainConf);
echo "not configured: "; attempt(fn () => $plain->oauthbearerSetToken(unsigned_jws(time() + 60), (time() + 60) * 1000, 'admin'));
?>
--EXPECTF--
refresh for RdKafka\Producer with 'principal=admin scope=test'
expired token: RdKafka\Exception -186: Must supply an unexpired token: now=%dms, exp=1000ms
reserved extension: RdKafka\Exception -186: Cannot explicitly set the reserved `auth` SASL/OAUTHBEARER extension key
token failure: ok
error_cb: Failed to acquire SASL OAUTHBEARER token: the identity provider is down
refresh for RdKafka\KafkaConsumer
error_cb: Failed to acquire SASL OAUTHBEARER token: no token for the consumer
not configured: RdKafka\Exception -172: SASL/OAUTHBEARER is not the configured authentication mechanism
