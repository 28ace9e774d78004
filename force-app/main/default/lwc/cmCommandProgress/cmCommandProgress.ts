// Live progress of one command sent to the service (statement retrieval, file import, payment run),
// followed through CashNotification__e by its correlation id. It listens from the moment it is on the
// page, so events that arrive before the correlation id is known are not lost.
import { LightningElement, api } from 'lwc';
import { follow, isFinal } from 'c/cmNotifications';
import type { CashNotification, Unfollow } from 'c/cmNotifications';
import { errorText } from 'c/cmErrors';

const BUFFER_SIZE = 50;

const STATUS_TEXT: Record<string, string> = {
    accepted: 'Accepted by the service',
    progress: 'In progress',
    succeeded: 'Done',
    failed: 'Failed'
};

export default class CmCommandProgress extends LightningElement {
    @api label = 'Progress';

    latest: CashNotification | null = null;
    streamError = '';
    trackedId: string | null = null;
    seen = new Map<string, CashNotification>();
    stop: Unfollow | null = null;

    @api
    get correlationId(): string | null {
        return this.trackedId;
    }
    set correlationId(value: string | null) {
        this.trackedId = value;
        this.latest = null;
        const early = value ? this.seen.get(value) : undefined;
        if (early) {
            this.show(early);
        }
    }

    override connectedCallback(): void {
        follow(
            (notification) => this.receive(notification),
            () => true,
            (error) => {
                this.streamError = `Live updates are unavailable: ${errorText(error)}`;
            }
        )
            .then((stop) => {
                this.stop = stop;
            })
            .catch((error: unknown) => {
                this.streamError = `Live updates are unavailable: ${errorText(error)}`;
            });
    }

    override disconnectedCallback(): void {
        if (this.stop) {
            this.stop().catch(() => undefined);
            this.stop = null;
        }
    }

    get waiting(): boolean {
        return this.trackedId !== null && this.latest === null;
    }

    get statusText(): string {
        return this.latest ? STATUS_TEXT[this.latest.status] ?? this.latest.status : 'Sent; waiting for the service';
    }

    get percent(): number {
        if (!this.latest) {
            return 0;
        }
        if (this.latest.status === 'succeeded') {
            return 100;
        }
        return this.latest.progress ?? 0;
    }

    get failed(): boolean {
        return this.latest?.status === 'failed';
    }

    get message(): string {
        return this.latest?.message ?? '';
    }

    get visible(): boolean {
        return this.trackedId !== null;
    }

    receive(notification: CashNotification): void {
        this.seen.set(notification.correlationId, notification);
        if (this.seen.size > BUFFER_SIZE) {
            const oldest = this.seen.keys().next().value;
            if (oldest !== undefined) {
                this.seen.delete(oldest);
            }
        }
        if (notification.correlationId === this.trackedId) {
            this.show(notification);
        }
    }

    show(notification: CashNotification): void {
        this.latest = notification;
        if (isFinal(notification)) {
            this.dispatchEvent(new CustomEvent('finished', { detail: notification }));
        }
    }
}
