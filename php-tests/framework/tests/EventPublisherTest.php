<?php

use App\Kafka\EventPublisher;
use PHPUnit\Framework\TestCase;

/** Unit tests with PHPUnit mocks of the extension's classes, as applications write them. */
final class EventPublisherTest extends TestCase
{
    public function testPublishEncodesJsonAndPollsWithoutBlocking(): void
    {
        $topic = $this->createMock(RdKafka\ProducerTopic::class);
        $topic->expects($this->exactly(2))
            ->method('producev')
            ->withConsecutive(
                [RD_KAFKA_PARTITION_UA, 0, '{"order":1}', 'customer-7', ['trace' => 'abc', 'content-type' => 'application/json']],
                [RD_KAFKA_PARTITION_UA, 0, '{"order":2}', null, ['content-type' => 'application/json']],
            );
        $producer = $this->createMock(RdKafka\Producer::class);
        $producer->expects($this->once())->method('newTopic')->with('orders')->willReturn($topic);
        $producer->expects($this->exactly(2))->method('poll')->with(0)->willReturn(0);

        $publisher = new EventPublisher($producer);
        $publisher->publish('orders', ['order' => 1], 'customer-7', ['trace' => 'abc']);
        $publisher->publish('orders', ['order' => 2]);
    }

    public function testFlushFailureBecomesAnException(): void
    {
        $producer = $this->createMock(RdKafka\Producer::class);
        $producer->method('flush')->with(500)->willReturn(RD_KAFKA_RESP_ERR__TIMED_OUT);

        $this->expectException(RuntimeException::class);
        $this->expectExceptionCode(RD_KAFKA_RESP_ERR__TIMED_OUT);
        (new EventPublisher($producer, 500))->flush();
    }

    public function testTheExtensionIsWhatComposerPackagesRequire(): void
    {
        $this->assertTrue(extension_loaded('rdkafka'));
        $this->assertTrue(version_compare(phpversion('rdkafka'), '6.0.0', '>='));
        $this->assertTrue(version_compare(phpversion('rdkafka'), '7.0.0', '<'));
        $this->assertFalse((new ReflectionClass(RdKafka\KafkaConsumer::class))->isFinal());
    }
}
