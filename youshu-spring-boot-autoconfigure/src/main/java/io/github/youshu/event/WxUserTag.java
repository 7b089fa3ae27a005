package io.github.youshu.event;

/**
 * One personal tag of the user ({@code wx_user.tag[]}). {@code tag_id} and {@code tag_name} are
 * both present or both absent.
 *
 * @param tagId   {@code tag_id}, the tag's unique id
 * @param tagName {@code tag_name}, the tag's display name
 */
public record WxUserTag(String tagId, String tagName) {
}
