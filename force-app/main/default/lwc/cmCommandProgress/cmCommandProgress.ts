// Live progress of one command sent to the service (statement retrieval, file import, payment run),
// followed through CashNotification__e by its correlation id. It listens from the moment it is on the
// page, so events that arrive before the correlation id is known are not lost.
import { LightningElement, api } from 'lwc';
import { follow, isFinal } from 'c/cmNotifications';
import type { CashNotification, Unfollow } from 'c/cmNotifications';
import { errorText } from 'c/cmErrors';

const BUFFER_SIZE = 50;
const DEFAULT_ANSWER_SECONDS = 60;
const DEFAULT_SILENCE_MINUTES = 15;

const STATUS_TEXT: Record<string, string> = {
    accepted: 'Accepted by the service',
    progress: 'In progress',
    succeeded: 'Done',
    failed: 'Failed'
};

export default class CmCommandProgress extends LightningElement {
    @api label = 'Progress';
    /** How long to wait for the service's first answer (accepted) before telling the user. */
    @api answerTimeoutSeconds = DEFAULT_ANSWER_SECONDS;
    /** How long an accepted command may stay without news before the user is told. */
    @api silenceTimeoutMinutes = DEFAULT_SILENCE_MINUTES;

    latest: CashNotification | null = null;
    streamError = '';
    trackedId: string | null = null;
    seen = new Map<string, CashNotification>();
    stop: Unfollow | null = null;
    /** Why the wait was given up, shown until an answer arrives after all. */
    gaveUp = '';
    timer: ReturnType<typeof setTimeout> | null = null;

    @api
    get correlationId(): string | null {
        return this.trackedId;
    }
    set correlationId(value: string | null) {
        this.trackedId = value;
        this.latest = null;
        this.gaveUp = '';
        this.clearTimer();
        const early = value ? this.seen.get(value) : undefined;
        if (early) {
            this.show(early);
        } else if (value) {
            this.waitFor(this.answerTimeoutSeconds * 1000, () => this.noAnswer());
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
        this.clearTimer();
        if (this.stop) {
            this.stop().catch(() => undefined);
            this.stop = null;
        }
    }

    get waiting(): boolean {
        return this.trackedId !== null && this.latest === null && this.gaveUp === '';
    }

    get statusText(): string {
        if (this.gaveUp && (!this.latest || !isFinal(this.latest))) {
            return this.latest ? 'No news from the service' : 'No answer from the service';
        }
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
        return this.latest?.status === 'failed' || this.gaveUp !== '';
    }

    get message(): string {
        return this.gaveUp || (this.latest?.message ?? '');
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
        // a late answer still counts: the command was queued, the service was only slow
        this.gaveUp = '';
        this.clearTimer();
        if (isFinal(notification)) {
            this.dispatchEvent(new CustomEvent('finished', { detail: notification }));
        } else {
            this.waitFor(this.silenceTimeoutMinutes * 60_000, () => this.silence());
        }
    }

    noAnswer(): void {
        this.gaveUp =
            `The Cash Management service did not answer within ${this.answerTimeoutSeconds} seconds. ` +
            'It may be stopped, or this org may not be connected to it: ask your administrator to check the service ' +
            '(cash org status). The command is kept and this page updates if an answer still comes.';
        this.dispatchEvent(new CustomEvent('noanswer', { detail: { correlationId: this.trackedId } }));
    }

    silence(): void {
        this.gaveUp =
            `No news from the service for ${this.silenceTimeoutMinutes} minutes. The work may still be running; ` +
            'ask your administrator to check the service job (cash jobs list). This page updates if news still comes.';
        this.dispatchEvent(new CustomEvent('noanswer', { detail: { correlationId: this.trackedId } }));
    }

    waitFor(milliseconds: number, then: () => void): void {
        this.clearTimer();
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- the wait for the service is a real timer
        this.timer = setTimeout(() => {
            this.timer = null;
            then();
        }, milliseconds);
    }

    clearTimer(): void {
        if (this.timer !== null) {
            clearTimeout(this.timer);
            this.timer = null;
        }
    }
}
